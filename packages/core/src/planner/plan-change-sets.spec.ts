import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planChangeSets } from './plan-change-sets.js';
import type { ChangeSetPlan } from './planned-change-set.js';
import { type PlannerChange, testPolicy } from './test-planning-policy.fixture.js';

/** Checks every rule a plan must obey; returns the broken ones. */
function brokenRules(changes: readonly PlannerChange[], plan: ChangeSetPlan, maxPerSet = 20): string[] {
  const broken: string[] = [];
  const setOf = new Map<number, number>();
  for (const set of plan.sets) {
    if (set.changeIndexes.length === 0 || set.changeIndexes.length > maxPerSet) broken.push(`set ${set.index} size`);
    const pairs = new Set<string>();
    for (const index of set.changeIndexes) {
      if (setOf.has(index)) broken.push(`change ${index} twice`);
      setOf.set(index, set.index);
      const change = changes[index]!;
      if (change.entity === undefined) continue;
      const pair = `${change.entity}|${change.changeType}`;
      if (pairs.has(pair)) broken.push(`set ${set.index} repeats ${pair}`);
      pairs.add(pair);
    }
  }
  for (const set of plan.sets) {
    // Entities: each once, in the order the set's changes first name them.
    const named = [...new Set(set.changeIndexes.flatMap((index) => changes[index]!.entity ?? []))];
    if (JSON.stringify(set.entities) !== JSON.stringify(named)) broken.push(`set ${set.index} entities`);
  }
  if (setOf.size !== changes.length) broken.push('changes lost');
  const byName = new Map(changes.map((change, index) => [change.changeName, index]));
  changes.forEach((change, index) => {
    for (const name of change.references ?? []) {
      if (setOf.get(byName.get(name)!) !== setOf.get(index)) broken.push(`reference ${index} -> ${name} split`);
    }
  });
  // Order per entity: a later change never lands in an earlier set.
  const lastSet = new Map<string, number>();
  changes.forEach((change, index) => {
    if (change.entity === undefined || (change.references?.length ?? 0) > 0) return;
    const previous = lastSet.get(change.entity) ?? -1;
    if (setOf.get(index)! < previous) broken.push(`order of ${change.entity} at ${index}`);
    lastSet.set(change.entity, setOf.get(index)!);
  });
  return broken;
}

const changeArbitrary = (entities: number, types: number) =>
  fc.record({
    entity: fc.option(
      fc.integer({ min: 0, max: entities - 1 }).map((n) => `Product@1.0/prod-${n}`),
      {
        nil: undefined,
        freq: 10,
      },
    ),
    changeType: fc.integer({ min: 0, max: types - 1 }).map((n) => `Update${n}`),
  });

describe(planChangeSets, () => {
  describe('having the seed example (AddRevisions twice on entity-id@1)', () => {
    it('should split it into two sets, in order', () => {
      const changes = [
        { entity: 'DataProduct@1.0/entity-id@1', changeType: 'AddRevisions' },
        { entity: 'DataProduct@1.0/entity-id@1', changeType: 'AddRevisions' },
      ];
      const plan = planChangeSets(changes, testPolicy)._unsafeUnwrap();
      expect(plan.sets.map((set) => set.changeIndexes)).toEqual([[0], [1]]);
      expect(plan.levels).toBe(2);
    });
  });

  describe('having 45 changes to distinct entities', () => {
    it('should use the fewest sets, ceil(45 / 20) = 3, all on one level', () => {
      const changes = Array.from({ length: 45 }, (_, n) => ({ entity: `E/e${n}`, changeType: 'UpdateInformation' }));
      const plan = planChangeSets(changes, testPolicy)._unsafeUnwrap();
      expect(plan.sets.map((set) => set.changeIndexes.length)).toEqual([20, 20, 5]);
      expect(plan.levels).toBe(1);
    });
  });

  describe('having changes that reference each other', () => {
    it('should keep each reference group in one set', () => {
      const changes: PlannerChange[] = [
        { changeType: 'CreateProduct', changeName: 'NewProduct' },
        ...Array.from({ length: 19 }, (_, n) => ({ entity: `E/filler${n}`, changeType: 'UpdateInformation' })),
        { changeType: 'CreateOffer', changeName: 'NewOffer', references: ['NewProduct'] },
        { entity: 'E/other', changeType: 'UpdateInformation', references: ['NewOffer'] },
      ];
      const plan = planChangeSets(changes, testPolicy)._unsafeUnwrap();
      expect(brokenRules(changes, plan)).toEqual([]);
      const setWithProduct = plan.sets.find((set) => set.changeIndexes.includes(0))!;
      expect(setWithProduct.changeIndexes).toEqual(expect.arrayContaining([0, 20, 21]));
    });

    it('should refuse a group that would pull a change of an entity past a later one, naming both', () => {
      // Change 0's group can only be placed with its last member (change 2), after change 1 on the same
      // entity: any plan the planner could make would apply change 1 on E/x before change 0.
      const changes: PlannerChange[] = [
        { entity: 'E/x', changeType: 'A', changeName: 'n' },
        { entity: 'E/x', changeType: 'A' },
        { entity: 'E/y', changeType: 'B', references: ['n'] },
        { entity: 'E/x', changeType: 'B' },
      ];
      const error = planChangeSets(changes, testPolicy)._unsafeUnwrapErr();
      expect(error.issues).toEqual([
        expect.objectContaining({
          path: 'changes[0]',
          rule: 'batchOrder',
          message: expect.stringContaining('changes[1]'),
        }),
      ]);
      expect(error.issues[0]!.message).toContain('E/x');
    });

    it('should plan the same changes once the group comes first, each entity in batch order', () => {
      const changes: PlannerChange[] = [
        { entity: 'E/x', changeType: 'A', changeName: 'n' },
        { entity: 'E/y', changeType: 'B', references: ['n'] },
        { entity: 'E/x', changeType: 'A' },
        { entity: 'E/x', changeType: 'B' },
      ];
      const plan = planChangeSets(changes, testPolicy)._unsafeUnwrap();
      expect(brokenRules(changes, plan)).toEqual([]);
      expect(plan.sets.map((set) => [set.changeIndexes, set.entities])).toEqual([
        [
          [0, 1],
          ['E/x', 'E/y'],
        ],
        [[2, 3], ['E/x']],
      ]);
    });

    it('should report unknown references, duplicate names and groups that cannot fit', () => {
      const tooBig = Array.from({ length: 21 }, (_, n) => ({
        entity: `E/g${n}`,
        changeType: 'UpdateInformation',
        changeName: `c${n}`,
        references: n > 0 ? [`c${n - 1}`] : [],
      }));
      const error = planChangeSets(
        [
          ...tooBig,
          { entity: 'E/x', changeType: 'A', changeName: 'c0' },
          { entity: 'E/y', changeType: 'A', references: ['missing'] },
        ],
        testPolicy,
      )._unsafeUnwrapErr();
      expect(error.issues.map((issue) => issue.rule).sort()).toEqual(['reference', 'referenceGroupSize', 'unique']);
      expect(error.issues.find((issue) => issue.rule === 'reference')!.path).toBe('changes[22]');
    });
  });

  describe('having any batch', () => {
    it('should obey every rule, lose nothing, and need no more levels than the longest entity chain', () => {
      fc.assert(
        fc.property(fc.array(changeArbitrary(12, 3), { minLength: 0, maxLength: 400 }), (changes) => {
          const plan = planChangeSets(changes, testPolicy)._unsafeUnwrap();
          expect(brokenRules(changes, plan)).toEqual([]);
          // Levels: exactly the longest chain one entity forces on its own (a repeated type or a full set).
          const chains = new Map<string, { level: number; types: Set<string> }>();
          let longest = 0;
          for (const change of changes) {
            if (change.entity === undefined) continue;
            let chain = chains.get(change.entity);
            if (!chain) {
              chain = { level: 0, types: new Set() };
              chains.set(change.entity, chain);
            } else if (chain.types.has(change.changeType) || chain.types.size === 20) {
              chain.level += 1;
              chain.types = new Set();
            }
            chain.types.add(change.changeType);
            longest = Math.max(longest, chain.level + 1);
          }
          expect(plan.levels).toBe(
            changes.some((change) => change.entity === undefined) ? Math.max(1, longest) : longest,
          );
          // Sets: at least ceil(n/20) on each level, and the decreasing-fit bound above it.
          for (let level = 0; level < plan.levels; level += 1) {
            const onLevel = plan.sets.filter((set) => set.level === level);
            const changesOnLevel = onLevel.reduce((sum, set) => sum + set.changeIndexes.length, 0);
            const optimum = Math.ceil(changesOnLevel / 20);
            expect(onLevel.length).toBeGreaterThanOrEqual(optimum);
            expect(onLevel.length).toBeLessThanOrEqual(Math.ceil((11 / 9) * optimum) + 1);
          }
          // Sets of one level never share an entity, so they can all run at once.
          for (let level = 0; level < plan.levels; level += 1) {
            const seen = new Set<string>();
            for (const set of plan.sets.filter((candidate) => candidate.level === level)) {
              for (const entity of set.entities) {
                expect(seen.has(entity)).toBe(false);
                seen.add(entity);
              }
            }
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
