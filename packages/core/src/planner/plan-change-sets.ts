import { err, ok, type Result } from 'neverthrow';
import { assignLevels } from '../_internals/planner/assign-levels.js';
import { bucketUnits } from '../_internals/planner/bucket-units.js';
import { denseIds } from '../_internals/planner/dense-ids.js';
import { findChangeGroups } from '../_internals/planner/find-change-groups.js';
import { packSets } from '../_internals/planner/pack-sets.js';
import type { ValidationError } from '../errors/change-set-error.js';
import { createValidationError } from '../errors/create-change-set-error.js';
import type { ChangeSetPlan, PlannedChangeSet } from './planned-change-set.js';
import type { PlanningPolicy } from './planning-policy.js';

/**
 * Packs a batch of opaque changes of any size into change sets that obey the provider's policy:
 * - at most `capacity` changes per set;
 * - two changes with one order key and one conflict key never in one set;
 * - changes linked through group keys in one set;
 * - the changes of one order key applied in batch order (a later change never lands in an earlier set).
 *
 * In phases, each over typed arrays: groups -> dense ids -> levels (units and their earliest level) ->
 * buckets (flat members, successors, latest level) -> pack (level by level, the units that cannot wait open
 * sets and ready units that can wait fill them). Sets of one level share no order key and can run at once;
 * the number of levels is the least any valid plan can have.
 */
export function planChangeSets<Change>(
  changes: readonly Change[],
  policy: PlanningPolicy<Change>,
): Result<ChangeSetPlan, ValidationError> {
  const groups = findChangeGroups(changes, policy);
  if (groups.isErr()) return err(createValidationError(policy.provider, 'plan', groups.error));
  const count = changes.length;
  const ids = denseIds(changes, policy);
  const units = assignLevels(count, policy.capacity, ids, groups.value);
  const buckets = bucketUnits(units);
  const packed = packSets(buckets, policy.capacity, units.levels);

  // Each set's changes in batch order: a counting sort by set over the batch.
  const { setCount, setOfUnit, levelOfSet } = packed;
  const { unitOfChange } = units;
  const setSize = new Int32Array(setCount);
  for (let index = 0; index < count; index += 1) setSize[setOfUnit[unitOfChange[index]!]!]! += 1;
  // Exact-size arrays, filled in batch order (so each is ascending without a sort).
  const indexes: number[][] = new Array(setCount);
  for (let set = 0; set < setCount; set += 1) indexes[set] = new Array<number>(setSize[set]!);
  const filled = setSize.fill(0);
  for (let index = 0; index < count; index += 1) {
    const set = setOfUnit[unitOfChange[index]!]!;
    indexes[set]![filled[set]!++] = index;
  }

  const sets: PlannedChangeSet[] = new Array(setCount);
  const { entityOf, entityNames } = ids;
  const entityStamp = new Int32Array(entityNames.length);
  // A set that touches one entity shares that entity's one-element list (read-only) with its other sets.
  const alone: (readonly string[] | undefined)[] = new Array(entityNames.length);
  for (let set = 0; set < setCount; set += 1) {
    // Each entity once, in the order the batch first names it (a stamp per set instead of a Set).
    let entities: string[] = [];
    const changeIndexes = indexes[set]!;
    for (const index of changeIndexes) {
      const entity = entityOf[index]!;
      if (entity < 0 || entityStamp[entity] === set + 1) continue;
      entityStamp[entity] = set + 1;
      entities.push(entityNames[entity]!);
    }
    if (entities.length === 1) {
      const entity = entityOf[changeIndexes.find((index) => entityOf[index]! >= 0)!]!;
      const shared = alone[entity];
      if (shared) entities = shared as string[];
      else alone[entity] = entities;
    }
    sets[set] = { index: set, level: levelOfSet[set]!, changeIndexes, entities };
  }
  return ok({ sets, levels: packed.levels });
}
