import { errAsync, okAsync } from 'neverthrow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waiterDelay } from '../_internals/waiter/waiter-delay.js';
import { createChangeSetError } from '../errors/create-change-set-error.js';
import { waitFor } from './wait-for.js';
import type { WaiterVerdict } from './waiter-verdict.js';

const doneWhen =
  (target: string) =>
  (status: string): WaiterVerdict =>
    status === target ? { state: 'done' } : { state: 'pending' };

describe(waiterDelay, () => {
  it('should grow between min and max, then stay at max', () => {
    const policy = { minDelayMs: 100, maxDelayMs: 1_000, maxWaitMs: 10_000, random: () => 1 };
    expect(waiterDelay(1, policy)).toBe(100);
    expect(waiterDelay(2, policy)).toBe(200);
    expect(waiterDelay(4, policy)).toBe(800);
    expect(waiterDelay(10, policy)).toBe(1_000);
    expect(waiterDelay(3, { ...policy, random: () => 0 })).toBe(100);
  });
});

describe(waitFor, () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const context = {
    provider: 'p',
    operation: 'wait',
    policy: { minDelayMs: 100, maxDelayMs: 400, maxWaitMs: 1_000, random: () => 0 },
    describe: (status: string) => status,
  };

  describe('having a change set that settles on the third poll', () => {
    it('should return the settled value', async () => {
      const poll = vi
        .fn()
        .mockReturnValueOnce(okAsync('RUNNING'))
        .mockReturnValueOnce(okAsync('RUNNING'))
        .mockReturnValue(okAsync('SUCCEEDED'));
      const pending = waitFor(poll, doneWhen('SUCCEEDED'), context);
      await vi.runAllTimersAsync();
      expect((await pending)._unsafeUnwrap()).toBe('SUCCEEDED');
      expect(poll).toHaveBeenCalledTimes(3);
    });
  });

  describe('having a change set that never settles', () => {
    it('should time out at maxWaitMs with the last status', async () => {
      const poll = vi.fn(() => okAsync('APPLYING'));
      const pending = waitFor(poll, doneWhen('SUCCEEDED'), context);
      await vi.advanceTimersByTimeAsync(999);
      let settled = false;
      void pending.then(() => {
        settled = true;
      });
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const error = (await pending)._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'timeout', lastStatus: 'APPLYING', retryable: false });
      if (error.kind === 'timeout') expect(error.elapsedMs).toBeGreaterThanOrEqual(1_000);
    });
  });

  describe('having a verdict of failure', () => {
    it('should return that error at once', async () => {
      const failure = createChangeSetError('conflict', { provider: 'p', operation: 'wait', message: 'failed' });
      const pending = waitFor(
        () => okAsync('FAILED'),
        () => ({ state: 'failed', error: failure }),
        context,
      );
      expect((await pending)._unsafeUnwrapErr()).toBe(failure);
    });
  });

  describe('having polls that are throttled', () => {
    it('should keep waiting through retryable errors and stop on a permanent one', async () => {
      const throttled = createChangeSetError('throttled', { provider: 'p', operation: 'describe', message: 'slow' });
      const notFound = createChangeSetError('not-found', { provider: 'p', operation: 'describe', message: 'gone' });
      const poll = vi.fn().mockReturnValueOnce(errAsync(throttled)).mockReturnValueOnce(errAsync(notFound));
      const pending = waitFor(poll, doneWhen('SUCCEEDED'), context);
      await vi.runAllTimersAsync();
      expect((await pending)._unsafeUnwrapErr().kind).toBe('not-found');
      expect(poll).toHaveBeenCalledTimes(2);
    });
  });

  describe('having an abort', () => {
    it('should stop polling and return aborted', async () => {
      const controller = new AbortController();
      const poll = vi.fn(() => okAsync('RUNNING'));
      const pending = waitFor(poll, doneWhen('SUCCEEDED'), { ...context, signal: controller.signal });
      await vi.advanceTimersByTimeAsync(150);
      controller.abort();
      const error = (await pending)._unsafeUnwrapErr();
      expect(error.kind).toBe('aborted');
      const calls = poll.mock.calls.length;
      await vi.advanceTimersByTimeAsync(5_000);
      expect(poll).toHaveBeenCalledTimes(calls);
    });
  });
});
