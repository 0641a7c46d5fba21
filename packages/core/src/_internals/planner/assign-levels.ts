import type { DenseIds } from './dense-ids.js';
import { DisjointSets } from './disjoint-sets.js';
import type { ChangeGroups } from './find-change-groups.js';

/** Units (changes that must share a set) and the earliest level each can run at. */
export interface UnitLevels {
  readonly unitCount: number;
  /** Unit of each change, dense 0..unitCount-1. */
  readonly unitOfChange: Int32Array;
  /** Earliest level of each unit: the longest chain of units before it. */
  readonly levelOfUnit: Int32Array;
  /** The least number of levels any valid plan can have. */
  readonly levels: number;
  /** Edge i: unit `edgeFrom[i]` must run before unit `edgeTo[i]` (they share an order key). */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeCount: number;
}

/**
 * Phase 3: levels. A change's level is the first at which its order key has not yet taken its conflict
 * key and its unit still has room; all changes of one order key at one level form one unit (so sets of
 * one level never share an order key), and units that share a group merge. A group is placed when its last
 * member is reached. Each order key's consecutive units are joined by an edge.
 */
export function assignLevels(
  count: number,
  capacity: number,
  ids: DenseIds,
  groups: ChangeGroups | undefined,
): UnitLevels {
  if (!groups) return assignLevelsAlone(count, capacity, ids);
  const { entityOf, pairOf } = ids;
  const entities = ids.entityNames.length;
  const lastLevel = new Int32Array(entities).fill(-1);
  const unitOfEntity = new Int32Array(entities);
  const pairLevel = new Int32Array(ids.pairCount).fill(-1);
  const units = new DisjointSets(count);
  const unitSize = new Int32Array(count);
  const unitLevel = new Int32Array(count);
  const unitOfChange = new Int32Array(count);
  const edgeFrom = new Int32Array(count);
  const edgeTo = new Int32Array(count);
  let edgeCount = 0;
  let levels = count > 0 ? 1 : 0;

  const join = (member: number, entity: number, level: number, root: number) => {
    if (entity >= 0) {
      const last = lastLevel[entity]!;
      if (last !== level) {
        if (last >= 0) {
          edgeFrom[edgeCount] = unitOfEntity[entity]!;
          edgeTo[edgeCount] = root;
          edgeCount += 1;
        }
        lastLevel[entity] = level;
      }
      unitOfEntity[entity] = root;
      const pair = pairOf[member]!;
      if (pair >= 0) pairLevel[pair] = level;
    }
    unitOfChange[member] = root;
  };

  // One change on its own: the common case, with no allocation.
  const placeOne = (member: number) => {
    const entity = entityOf[member]!;
    let root: number;
    let level = 0;
    if (entity >= 0 && lastLevel[entity]! >= 0) {
      const last = lastLevel[entity]!;
      const pair = pairOf[member]!;
      level = pair >= 0 && pairLevel[pair] === last ? last + 1 : last;
      if (level === last) {
        root = units.find(unitOfEntity[entity]!);
        if (unitSize[root]! < capacity) {
          unitSize[root]! += 1;
          join(member, entity, level, root);
          return;
        }
        level += 1;
      }
    }
    root = units.add();
    unitSize[root] = 1;
    unitLevel[root] = level;
    if (level + 1 > levels) levels = level + 1;
    join(member, entity, level, root);
  };

  const touched: number[] = [];
  const placeGroup = (from: number, to: number, members: Int32Array) => {
    let level = 0;
    for (let position = from; position < to; position += 1) {
      const member = members[position]!;
      const entity = entityOf[member]!;
      if (entity < 0 || lastLevel[entity]! < 0) continue;
      const last = lastLevel[entity]!;
      const pair = pairOf[member]!;
      level = Math.max(level, pair >= 0 && pairLevel[pair] === last ? last + 1 : last);
    }
    // Bump the level until the merged unit fits in one set; above every key's last level units are empty.
    for (;;) {
      touched.length = 0;
      let size = to - from;
      for (let position = from; position < to; position += 1) {
        const entity = entityOf[members[position]!]!;
        if (entity < 0 || lastLevel[entity] !== level) continue;
        const root = units.find(unitOfEntity[entity]!);
        if (!touched.includes(root)) {
          touched.push(root);
          size += unitSize[root]!;
        }
      }
      if (size <= capacity) break;
      level += 1;
    }
    let root = touched[0] ?? units.add();
    let size = touched.length === 0 ? 0 : unitSize[root]!;
    for (let other = 1; other < touched.length; other += 1) {
      size += unitSize[touched[other]!]!;
      root = units.union(root, touched[other]!);
    }
    unitSize[root] = size + (to - from);
    unitLevel[root] = level;
    if (level + 1 > levels) levels = level + 1;
    for (let position = from; position < to; position += 1) {
      const member = members[position]!;
      join(member, entityOf[member]!, level, root);
    }
  };

  const { groupOf, start, members } = groups;
  for (let index = 0; index < count; index += 1) {
    const group = groupOf[index]!;
    if (group < 0) placeOne(index);
    else if (members[start[group + 1]! - 1] === index) placeGroup(start[group]!, start[group + 1]!, members);
  }

  // Roots become dense unit ids.
  const dense = new Int32Array(units.size).fill(-1);
  let unitCount = 0;
  for (let index = 0; index < count; index += 1) {
    const root = units.find(unitOfChange[index]!);
    if (dense[root] === -1) dense[root] = unitCount++;
    unitOfChange[index] = dense[root]!;
  }
  const levelOfUnit = new Int32Array(unitCount);
  for (let root = 0; root < units.size; root += 1) {
    if (dense[root]! >= 0) levelOfUnit[dense[root]!] = unitLevel[root]!;
  }
  for (let edge = 0; edge < edgeCount; edge += 1) {
    edgeFrom[edge] = dense[units.find(edgeFrom[edge]!)]!;
    edgeTo[edge] = dense[units.find(edgeTo[edge]!)]!;
  }
  return { unitCount, unitOfChange, levelOfUnit, levels, edgeFrom, edgeTo, edgeCount };
}

/**
 * The same levels for a batch without groups, the common case: a unit then never merges, so it is one
 * order key's changes (or a change without one), units are numbered as they open, and their size is kept
 * per order key. No union-find and no renumbering.
 */
function assignLevelsAlone(count: number, capacity: number, ids: DenseIds): UnitLevels {
  const { entityOf, pairOf } = ids;
  const entities = ids.entityNames.length;
  // Per order key: the level, id and size of its latest unit.
  const lastLevel = new Int32Array(entities).fill(-1);
  const unitOfEntity = new Int32Array(entities);
  const sizeOfEntityUnit = new Int32Array(entities);
  const pairLevel = new Int32Array(ids.pairCount).fill(-1);
  const unitOfChange = new Int32Array(count);
  const unitLevel = new Int32Array(count);
  const edgeFrom = new Int32Array(count);
  const edgeTo = new Int32Array(count);
  let unitCount = 0;
  let edgeCount = 0;
  let levels = count > 0 ? 1 : 0;
  for (let index = 0; index < count; index += 1) {
    const entity = entityOf[index]!;
    if (entity < 0) {
      unitLevel[unitCount] = 0;
      unitOfChange[index] = unitCount++;
      continue;
    }
    const pair = pairOf[index]!;
    const last = lastLevel[entity]!;
    let level = 0;
    if (last >= 0) {
      level = pair >= 0 && pairLevel[pair] === last ? last + 1 : last;
      if (level === last) {
        if (sizeOfEntityUnit[entity]! < capacity) {
          sizeOfEntityUnit[entity]! += 1;
          unitOfChange[index] = unitOfEntity[entity]!;
          if (pair >= 0) pairLevel[pair] = level;
          continue;
        }
        level += 1;
      }
      edgeFrom[edgeCount] = unitOfEntity[entity]!;
      edgeTo[edgeCount] = unitCount;
      edgeCount += 1;
    }
    const unit = unitCount++;
    unitLevel[unit] = level;
    if (level + 1 > levels) levels = level + 1;
    lastLevel[entity] = level;
    unitOfEntity[entity] = unit;
    sizeOfEntityUnit[entity] = 1;
    if (pair >= 0) pairLevel[pair] = level;
    unitOfChange[index] = unit;
  }
  const levelOfUnit = unitLevel.subarray(0, unitCount);
  return { unitCount, unitOfChange, levelOfUnit, levels, edgeFrom, edgeTo, edgeCount };
}
