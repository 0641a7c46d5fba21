import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestPacer } from './request-pacer.js';

describe(RequestPacer, () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('having 25 callers at once and 10 per second', () => {
    it('should let a burst of 10 go, then the rest in arrival order, never more than 10 in a second', async () => {
      const pacer = new RequestPacer(10);
      const order: [number, number][] = [];
      const start = Date.now();
      const calls = Array.from({ length: 25 }, (_, n) => pacer.turn().then(() => order.push([n, Date.now() - start])));
      await vi.runAllTimersAsync();
      await Promise.all(calls);
      expect(order.map(([n]) => n)).toEqual(Array.from({ length: 25 }, (_, n) => n));
      const times = order.map(([, at]) => at);
      expect(times.slice(0, 10)).toEqual(Array(10).fill(0));
      expect(times.slice(10, 20)).toEqual(Array(10).fill(1_000));
      expect(times.slice(20)).toEqual(Array(5).fill(2_000));
      for (const at of times)
        expect(times.filter((other) => other > at - 1_000 && other <= at).length).toBeLessThanOrEqual(10);
    });
  });

  describe('having an abort while waiting', () => {
    it('should resolve false', async () => {
      const pacer = new RequestPacer(1);
      await pacer.turn();
      const controller = new AbortController();
      const waiting = pacer.turn(controller.signal);
      controller.abort();
      expect(await waiting).toBe(false);
    });
  });
});
