import type { PlanningPolicy } from '../../planner/planning-policy.js';

/** The batch's keys as integers, so that later phases do no string work. */
export interface DenseIds {
  /** Order-key id of each change, or -1 when it has none. */
  readonly entityOf: Int32Array;
  /** The order keys, by id. */
  readonly entityNames: readonly string[];
  /** Id of each change's (order key, conflict key) pair, or -1 when it can conflict with nothing. */
  readonly pairOf: Int32Array;
  readonly pairCount: number;
}

/** Up to this many (order key x conflict key) combinations, a pair's id is computed, not looked up. */
const directPairLimit = 1 << 22;

/** Up to this many distinct conflict keys are looked up in a list rather than a map. */
const fewConflictLimit = 8;

/**
 * A flat copy of an order key, kept as the map's key and the entity's name. Keys built by concatenation
 * are ropes in V8, and comparing a looked-up key with a stored rope leaves the engine's fast path; a
 * flat copy made once per entity keeps every later lookup on it (and holds nothing of the change alive).
 */
const flatCopy = (key: string): string => JSON.parse(JSON.stringify(key)) as string;

/** Phase 2: dense ids for order keys and (order key, conflict key) pairs. */
export function denseIds<Change>(changes: readonly Change[], policy: PlanningPolicy<Change>): DenseIds {
  const count = changes.length;
  const entityIds = new Map<string, number>();
  const entityNames: string[] = [];
  const fewConflicts: string[] = [];
  // Used once there are more than `fewConflictLimit` conflict keys.
  const conflictIds = new Map<string, number>();
  const entityOf = new Int32Array(count);
  const conflictOf = new Int32Array(count);
  for (let index = 0; index < count; index += 1) {
    const change = changes[index]!;
    const order = policy.orderKey(change);
    if (order === undefined) {
      entityOf[index] = -1;
      conflictOf[index] = -1;
      continue;
    }
    let entity = entityIds.get(order);
    if (entity === undefined) {
      entity = entityNames.length;
      const name = flatCopy(order);
      entityIds.set(name, entity);
      entityNames.push(name);
    }
    entityOf[index] = entity;
    const conflict = policy.conflictKey(change);
    if (conflict === undefined) {
      conflictOf[index] = -1;
      continue;
    }
    // Conflict keys are few (change types): a short list compared by === beats hashing each one.
    let id = -1;
    if (conflictIds.size === 0) {
      for (let known = 0; known < fewConflicts.length; known += 1) {
        if (fewConflicts[known] === conflict) {
          id = known;
          break;
        }
      }
      if (id < 0) {
        id = fewConflicts.length;
        fewConflicts.push(conflict);
        // Past the limit the map takes over, with every key so far.
        if (fewConflicts.length > fewConflictLimit) {
          for (let known = 0; known < fewConflicts.length; known += 1) conflictIds.set(fewConflicts[known]!, known);
        }
      }
    } else {
      const known = conflictIds.get(conflict);
      if (known === undefined) {
        id = conflictIds.size;
        conflictIds.set(conflict, id);
      } else id = known;
    }
    conflictOf[index] = id;
  }
  // Pairs: entity x conflict computed directly when the product is small, else numbered through a map.
  const kinds = conflictIds.size > 0 ? conflictIds.size : fewConflicts.length;
  const pairOf = conflictOf; // reused in place: each slot is read before it is written
  if (entityNames.length * kinds <= directPairLimit) {
    for (let index = 0; index < count; index += 1) {
      const conflict = conflictOf[index]!;
      pairOf[index] = conflict < 0 ? -1 : entityOf[index]! * kinds + conflict;
    }
    return { entityOf, entityNames, pairOf, pairCount: entityNames.length * kinds };
  }
  const pairIds = new Map<number, number>();
  for (let index = 0; index < count; index += 1) {
    const conflict = conflictOf[index]!;
    if (conflict < 0) continue;
    const key = entityOf[index]! * kinds + conflict;
    let id = pairIds.get(key);
    if (id === undefined) {
      id = pairIds.size;
      pairIds.set(key, id);
    }
    pairOf[index] = id;
  }
  return { entityOf, entityNames, pairOf, pairCount: pairIds.size };
}
