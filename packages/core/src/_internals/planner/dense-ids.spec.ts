import { describe, expect, it } from 'vitest';
import { testPolicy } from '../../planner/test-planning-policy.fixture.js';
import { denseIds } from './dense-ids.js';

describe(denseIds, () => {
  describe('having entities, types and a change without entity', () => {
    it('should number entities by first use and give equal (entity, type) pairs one id', () => {
      const ids = denseIds(
        [
          { entity: 'E/b', changeType: 'A' },
          { entity: 'E/a', changeType: 'A' },
          { entity: 'E/b', changeType: 'B' },
          { changeType: 'Create' },
          { entity: 'E/b', changeType: 'A' },
        ],
        testPolicy,
      );
      expect(Array.from(ids.entityOf)).toEqual([0, 1, 0, -1, 0]);
      expect(ids.entityNames).toEqual(['E/b', 'E/a']);
      const pairs = Array.from(ids.pairOf);
      expect(pairs[0]).toBe(pairs[4]);
      expect(new Set([pairs[0], pairs[1], pairs[2]]).size).toBe(3);
      expect(pairs[3]).toBe(-1);
      expect(pairs.every((pair) => pair < ids.pairCount)).toBe(true);
    });
  });

  describe('having more conflict keys than the short list holds', () => {
    it('should still give equal (entity, type) pairs one id and different ones different ids', () => {
      const types = Array.from({ length: 12 }, (_, n) => `T${n}`);
      const changes = [...types, ...types].map((changeType) => ({ entity: 'E/a', changeType }));
      const pairs = Array.from(denseIds(changes, testPolicy).pairOf);
      expect(pairs.slice(12)).toEqual(pairs.slice(0, 12));
      expect(new Set(pairs).size).toBe(12);
    });
  });
});
