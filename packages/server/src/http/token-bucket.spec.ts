import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.js';

describe(TokenBuckets, () => {
  const clock = () => {
    let now = 0;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  describe('having a burst of 3 at 2 per second', () => {
    describe('when called 4 times at once', () => {
      it('should allow 3 and ask the fourth to wait a second', () => {
        const time = clock();
        const buckets = new TokenBuckets(2, 3, 10, time.now);
        const decisions = [1, 2, 3, 4].map(() => buckets.take('a'));
        expect(decisions.slice(0, 3).every((decision) => decision.allowed)).toBe(true);
        expect(decisions[3]).toEqual({ allowed: false, retryAfterSeconds: 1 });
        expect(buckets.take('b').allowed).toBe(true);
      });
    });

    describe('when called again after half a second', () => {
      it('should have refilled one token', () => {
        const time = clock();
        const buckets = new TokenBuckets(2, 3, 10, time.now);
        for (let i = 0; i < 3; i += 1) buckets.take('a');
        time.advance(500);
        expect(buckets.take('a').allowed).toBe(true);
        expect(buckets.take('a').allowed).toBe(false);
      });
    });
  });

  describe('having more keys than it keeps', () => {
    it('should forget the least recently used ones, which start full again', () => {
      const time = clock();
      const buckets = new TokenBuckets(1, 1, 10, time.now);
      buckets.take('first');
      expect(buckets.take('first').allowed).toBe(false);
      for (let i = 0; i < 10; i += 1) buckets.take(`other-${i}`);
      expect(buckets.take('first').allowed).toBe(true);
    });
  });
});
