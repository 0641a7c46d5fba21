import { describe, expect, it } from 'vitest';
import {
  countDuplicatesAndLosses,
  jainIndex,
  makespanLowerBound,
  quantile,
  windowedFairness,
} from './serve-bench-measures.js';

describe('jainIndex', () => {
  describe('having equal shares', () => {
    describe('when called', () => {
      it('should be 1', () => expect(jainIndex([5, 5, 5, 5])).toBe(1));
    });
  });
  describe('having one tenant take everything', () => {
    describe('when called', () => {
      it('should be 1/n', () => expect(jainIndex([8, 0, 0, 0])).toBe(0.25));
    });
  });
});

describe('quantile', () => {
  describe('having 100 samples 1..100', () => {
    describe('when called', () => {
      it('should answer the nearest rank', () => {
        const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
        expect([quantile(samples, 0.5), quantile(samples, 0.99), quantile(samples, 1)]).toEqual([50, 99, 100]);
      });
    });
  });
});

describe('makespanLowerBound', () => {
  describe('having one hot entity', () => {
    describe('when called', () => {
      it('should take the larger of the busiest entity and the work over concurrency', () => {
        expect(makespanLowerBound([10, 2, 2], 100, 8)).toEqual({
          busiestEntityMs: 1_000,
          workOverConcurrencyMs: 175,
          boundMs: 1_000,
        });
        expect(makespanLowerBound([2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 100, 2).boundMs).toBe(1_000);
      });
    });
  });
});

describe('windowedFairness', () => {
  describe('having two tenants served in turn, then one alone', () => {
    describe('when called over the span both are backlogged', () => {
      it('should give 1 for the alternating windows only', () => {
        const completions = ['a', 'b', 'a', 'b', 'a', 'a'].map((tenant, index) => ({ tenant, finishedAt: index }));
        expect(windowedFairness(completions, ['a', 'b'], 0, 3, 2)).toEqual([1, 1]);
        expect(windowedFairness(completions, ['a', 'b'], 0, 5, 2)).toEqual([1, 1, 0.5]);
      });
    });
  });
});

describe('countDuplicatesAndLosses', () => {
  describe('having one entity with an extra change set and one short of one', () => {
    describe('when called', () => {
      it('should count one duplicate and one loss', () => {
        const submitted = new Map([
          ['x', 2],
          ['y', 3],
        ]);
        const succeeded = new Map([
          ['x', 3],
          ['y', 2],
        ]);
        expect(countDuplicatesAndLosses(submitted, succeeded)).toEqual({ duplicates: 1, lost: 1 });
      });
    });
  });
});
