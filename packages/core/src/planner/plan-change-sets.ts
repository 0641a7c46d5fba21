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

  // Each set's changes and entities in batch order: a counting sort by set over the batch. Every entity's
  // changes meet its sets in plan order (without groups always: a later change never lands in an earlier
  // set), so "not the set this entity was last seen in" means "first named in this set". A reference group
  // is placed with its last member, which can pull an earlier change of an entity past a later one: that
  // plan would apply the entity's changes out of batch order, so it is refused, naming both changes.
  const { setCount, setOfUnit, levelOfSet } = packed;
  const { unitOfChange } = units;
  const { memberStart } = buckets;
  const { entityOf, entityNames } = ids;
  const setSize = new Int32Array(setCount);
  for (let unit = 0; unit < units.unitCount; unit += 1) {
    setSize[setOfUnit[unit]!]! += memberStart[unit + 1]! - memberStart[unit]!;
  }
  // Exact-size arrays, filled in batch order (so each is ascending without a sort).
  const indexes: number[][] = new Array(setCount);
  for (let set = 0; set < setCount; set += 1) indexes[set] = new Array<number>(setSize[set]!);
  const entityLists: (readonly string[] | undefined)[] = new Array(setCount);
  // A set that touches one entity shares that entity's one-element list (read-only) with its other sets;
  // its own list starts at its second entity.
  const alone: (readonly string[] | undefined)[] = new Array(entityNames.length);
  const lastSetOf = new Int32Array(entityNames.length).fill(-1);
  const lastChangeOf = new Int32Array(entityNames.length);
  const filled = setSize.fill(0);
  for (let index = 0; index < count; index += 1) {
    const set = setOfUnit[unitOfChange[index]!]!;
    indexes[set]![filled[set]!++] = index;
    const entity = entityOf[index]!;
    if (entity < 0) continue;
    if (lastSetOf[entity] === set) {
      lastChangeOf[entity] = index;
      continue;
    }
    if (lastSetOf[entity]! > set) {
      return err(outOfBatchOrder(policy.provider, lastChangeOf[entity]!, index, entityNames[entity]!));
    }
    lastSetOf[entity] = set;
    lastChangeOf[entity] = index;
    const list = entityLists[set];
    if (list === undefined) {
      let shared = alone[entity];
      if (shared === undefined) {
        shared = [entityNames[entity]!];
        alone[entity] = shared;
      }
      entityLists[set] = shared;
    } else if (list.length === 1) entityLists[set] = [list[0]!, entityNames[entity]!];
    else (list as string[]).push(entityNames[entity]!);
  }

  const sets: PlannedChangeSet[] = new Array(setCount);
  for (let set = 0; set < setCount; set += 1) {
    const entities = entityLists[set] ?? [];
    sets[set] = { index: set, level: levelOfSet[set]!, changeIndexes: indexes[set]!, entities };
  }
  return ok({ sets, levels: packed.levels });
}

/** The refusal of a plan that would apply `later` before `earlier`, both on `entity`. */
function outOfBatchOrder(provider: string, earlier: number, later: number, entity: string): ValidationError {
  return createValidationError(provider, 'plan', [
    {
      path: `changes[${earlier}]`,
      rule: 'batchOrder',
      message: `changes[${earlier}] and changes[${later}] both touch ${entity}, but changes[${earlier}] belongs to a reference group that can only be placed with its last member, after changes[${later}]: list the group's changes before the other changes to ${entity}, or send them in separate batches`,
    },
  ]);
}
