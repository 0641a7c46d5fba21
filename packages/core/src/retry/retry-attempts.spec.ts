import { err, errAsync, ok, okAsync } from 'neverthrow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeSetError } from '../errors/change-set-error.js';
import { createChangeSetError } from '../errors/create-change-set-error.js';
import { retryAttempts } from './retry-attempts.js';

const throttled = (retryAfterMs?: number) =>
  createChangeSetError('throttled', { provider: 'p', operation: 'start', message: 'slow down', retryAfterMs });
const conflict = () => createChangeSetError('conflict', { provider: 'p', operation: 'start', message: 'exists' });

describe(retryAttempts, () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const context = { provider: 'p', operation: 'start', policy: { random: () => 0.5 } };

  describe('having an attempt that fails twice with a retryable error', () => {
    it('should succeed on the third attempt after backing off', async () => {
      const attempt = vi
        .fn()
        .mockReturnValueOnce(errAsync(throttled()))
        .mockReturnValueOnce(errAsync(throttled()))
        .mockReturnValueOnce(okAsync('done'));
      const pending = retryAttempts(attempt, { ...context, policy: { ...context.policy, baseDelayMs: 100 } });
      await vi.advanceTimersByTimeAsync(49);
      expect(attempt).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1); // first backoff: 0.5 * 100
      expect(attempt).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(100); // second backoff: 0.5 * 200
      const result = await pending;
      expect(result._unsafeUnwrap()).toBe('done');
      expect(attempt).toHaveBeenCalledTimes(3);
      expect(attempt.mock.calls.map(([n]) => n)).toEqual([1, 2, 3]);
    });
  });

  describe('having a non-retryable error', () => {
    it('should return it after one attempt', async () => {
      const attempt = vi.fn(() => errAsync<never, ChangeSetError>(conflict()));
      const result = await retryAttempts(attempt, context);
      expect(result._unsafeUnwrapErr().kind).toBe('conflict');
      expect(attempt).toHaveBeenCalledTimes(1);
    });
  });

  describe('having a bound on attempts', () => {
    it('should stop at maxAttempts and report how many were made', async () => {
      const attempt = vi.fn(() => errAsync<never, ChangeSetError>(throttled()));
      const pending = retryAttempts(attempt, { ...context, policy: { ...context.policy, maxAttempts: 3 } });
      await vi.runAllTimersAsync();
      const error = (await pending)._unsafeUnwrapErr();
      expect(attempt).toHaveBeenCalledTimes(3);
      expect(error).toMatchObject({ kind: 'throttled', attempts: 3 });
    });
  });

  describe('having a bound on time', () => {
    it('should not start an attempt whose backoff would pass maxElapsedMs', async () => {
      const attempt = vi.fn(() => errAsync<never, ChangeSetError>(throttled(400)));
      const pending = retryAttempts(attempt, { ...context, policy: { maxAttempts: 100, maxElapsedMs: 1_000 } });
      await vi.runAllTimersAsync();
      await pending;
      // 400 ms per retry: attempts at 0, 400, 800; a fourth at 1,200 would pass the bound.
      expect(attempt).toHaveBeenCalledTimes(3);
    });
  });

  describe('having a provider that asks to retry after a while', () => {
    it('should wait at least retryAfterMs', async () => {
      const attempt = vi
        .fn()
        .mockReturnValueOnce(errAsync(throttled(2_000)))
        .mockReturnValueOnce(okAsync(1));
      const pending = retryAttempts(attempt, context);
      await vi.advanceTimersByTimeAsync(1_999);
      expect(attempt).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending)._unsafeUnwrap()).toBe(1);
    });
  });

  describe('having an abort during the backoff', () => {
    it('should return an aborted error and make no more attempts', async () => {
      const controller = new AbortController();
      const attempt = vi.fn(() => errAsync<never, ChangeSetError>(throttled(10_000)));
      const pending = retryAttempts(attempt, { ...context, signal: controller.signal });
      await vi.advanceTimersByTimeAsync(100);
      controller.abort(new Error('deploy cancelled'));
      const error = (await pending)._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'aborted', operation: 'start' });
      expect(error.message).toContain('deploy cancelled');
      expect(attempt).toHaveBeenCalledTimes(1);
    });
  });

  describe('having an attempt that gives native promises and is throttled once', () => {
    it('should back off, try again and give the Result as a plain promise', async () => {
      const attempt = vi
        .fn()
        .mockReturnValueOnce(Promise.resolve(err(throttled(300))))
        .mockReturnValueOnce(Promise.resolve(ok('done')));
      const pending = retryAttempts(attempt, { provider: 'p', operation: 'start', policy: { random: () => 0 } });
      expect(pending).toBeInstanceOf(Promise);
      await vi.advanceTimersByTimeAsync(299);
      expect(attempt).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending)._unsafeUnwrap()).toBe('done');
      expect(attempt.mock.calls.map(([n]) => n)).toEqual([1, 2]);
    });
  });
});
