import { describe, expect, it } from 'vitest';
import { UnitHeap } from './unit-heap.js';

describe(UnitHeap, () => {
  describe('having units pushed in any order', () => {
    it('should pop them by key, then by id', () => {
      const key = Int32Array.from([5, 1, 3, 1, 0]);
      const heap = new UnitHeap(key, 5);
      for (const unit of [0, 2, 3, 1, 4]) heap.push(unit);
      expect(heap.peekKey()).toBe(0);
      expect(Array.from({ length: 5 }, () => heap.pop())).toEqual([4, 1, 3, 2, 0]);
      expect(heap.size).toBe(0);
    });
  });
});
