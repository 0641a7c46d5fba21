import { describe, expect, it } from 'vitest';
import { type PlannerChange, testPolicy } from '../../planner/test-planning-policy.fixture.js';
import { assignLevels } from './assign-levels.js';
import { denseIds } from './dense-ids.js';
import { findChangeGroups } from './find-change-groups.js';

const levelsOf = (changes: PlannerChange[], capacity = 20) =>
  assignLevels(
    changes.length,
    capacity,
    denseIds(changes, testPolicy),
    findChangeGroups(changes, testPolicy)._unsafeUnwrap(),
  );

describe(assignLevels, () => {
  describe('having one entity with a repeated type', () => {
    it('should start a new unit and level at the repeat, joined by an edge', () => {
      const units = levelsOf([
        { entity: 'E/a', changeType: 'A' },
        { entity: 'E/a', changeType: 'B' },
        { entity: 'E/a', changeType: 'A' },
      ]);
      expect(Array.from(units.unitOfChange)).toEqual([0, 0, 1]);
      expect(Array.from(units.levelOfUnit)).toEqual([0, 1]);
      expect(units.levels).toBe(2);
      expect([units.edgeCount, units.edgeFrom[0], units.edgeTo[0]]).toEqual([1, 0, 1]);
    });
  });

  describe('having a unit at capacity', () => {
    it('should move the next change of that entity to the next level', () => {
      const units = levelsOf(
        [
          { entity: 'E/a', changeType: 'A' },
          { entity: 'E/a', changeType: 'B' },
          { entity: 'E/a', changeType: 'C' },
        ],
        2,
      );
      expect(Array.from(units.levelOfUnit)).toEqual([0, 1]);
    });
  });

  describe('having no groups', () => {
    it('should give the same units, levels and edges as the path that merges groups', () => {
      const changes: PlannerChange[] = Array.from({ length: 300 }, (_, n) => ({
        entity: n % 7 === 0 ? undefined : `E/${(n * 31) % 5}`,
        changeType: `T${(n * 17) % 3}`,
      }));
      const ids = denseIds(changes, testPolicy);
      // No member in any group: the general path, with the same result expected.
      const noGroups = {
        count: 0,
        groupOf: new Int32Array(changes.length).fill(-1),
        start: Int32Array.of(0),
        members: new Int32Array(0),
      };
      const pick = (units: ReturnType<typeof assignLevels>) => ({
        unitCount: units.unitCount,
        unitOfChange: Array.from(units.unitOfChange),
        levelOfUnit: Array.from(units.levelOfUnit),
        levels: units.levels,
        edges: Array.from(units.edgeFrom.subarray(0, units.edgeCount), (from, edge) => [from, units.edgeTo[edge]]),
      });
      const alone = pick(assignLevels(changes.length, 4, ids, undefined));
      expect(alone).toEqual(pick(assignLevels(changes.length, 4, ids, noGroups)));
      expect(alone.levels).toBeGreaterThan(1);
    });
  });

  describe('having a reference group across two entities', () => {
    it('should merge it with the units those entities already have on its level', () => {
      const units = levelsOf([
        { entity: 'E/a', changeType: 'A' },
        { entity: 'E/b', changeType: 'A' },
        { entity: 'E/a', changeType: 'B', changeName: 'n' },
        { entity: 'E/b', changeType: 'B', references: ['n'] },
      ]);
      expect(units.unitCount).toBe(1);
      expect(units.levels).toBe(1);
    });
  });
});
