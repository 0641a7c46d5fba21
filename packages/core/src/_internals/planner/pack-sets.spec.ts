import { describe, expect, it } from 'vitest';
import { bucketUnits } from './bucket-units.js';
import { packSets } from './pack-sets.js';

describe(packSets, () => {
  describe('having a chain of two units and units that can wait', () => {
    it('should open sets only for units that cannot wait and fill their room with the others', () => {
      // Unit 0 -> unit 1 (a chain of two, each 1 change); units 2..4 alone with 1 change each; capacity 2.
      const buckets = bucketUnits({
        unitCount: 5,
        unitOfChange: Int32Array.from([0, 1, 2, 3, 4]),
        levelOfUnit: Int32Array.from([0, 1, 0, 0, 0]),
        levels: 2,
        edgeFrom: Int32Array.from([0]),
        edgeTo: Int32Array.from([1]),
        edgeCount: 1,
      });
      const packed = packSets(buckets, 2, 2);
      expect(packed.levels).toBe(2);
      expect(packed.setCount).toBe(3);
      // The chain keeps its order: unit 0 on level 0, unit 1 after it.
      expect(packed.levelOfSet[packed.setOfUnit[0]!]).toBe(0);
      expect(packed.levelOfSet[packed.setOfUnit[1]!]).toBe(1);
      const sizes = new Map<number, number>();
      for (const set of packed.setOfUnit) sizes.set(set, (sizes.get(set) ?? 0) + 1);
      expect([...sizes.values()].sort()).toEqual([1, 2, 2]);
    });
  });
});
