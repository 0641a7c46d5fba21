import { describe, expect, it } from 'vitest';
import { bucketUnits } from './bucket-units.js';

describe(bucketUnits, () => {
  describe('having a chain of three units and one unit alone', () => {
    it('should list members and successors flat and give each unit its latest level', () => {
      const buckets = bucketUnits({
        unitCount: 4,
        unitOfChange: Int32Array.from([0, 1, 0, 2, 3]),
        levelOfUnit: Int32Array.from([0, 0, 1, 2]),
        levels: 3,
        edgeFrom: Int32Array.from([1, 2]),
        edgeTo: Int32Array.from([2, 3]),
        edgeCount: 2,
      });
      expect(Array.from(buckets.memberStart)).toEqual([0, 2, 3, 4, 5]);
      expect(Array.from(buckets.members)).toEqual([0, 2, 1, 3, 4]);
      expect(Array.from(buckets.successors)).toEqual([2, 3]);
      expect(Array.from(buckets.predecessorCount)).toEqual([0, 0, 1, 1]);
      // Unit 0 has no successor: it may wait until the last level.
      expect(Array.from(buckets.latestLevel)).toEqual([2, 0, 1, 2]);
    });
  });
});
