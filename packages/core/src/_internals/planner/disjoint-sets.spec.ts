import { describe, expect, it } from 'vitest';
import { DisjointSets } from './disjoint-sets.js';

describe(DisjointSets, () => {
  describe('having unions', () => {
    it('should give joined ids one root and keep others apart', () => {
      const sets = new DisjointSets(4);
      for (let id = 0; id < 4; id += 1) sets.add();
      sets.union(0, 1);
      sets.union(2, 1);
      expect(sets.find(2)).toBe(sets.find(0));
      expect(sets.find(3)).not.toBe(sets.find(0));
      expect(sets.size).toBe(4);
    });
  });
});
