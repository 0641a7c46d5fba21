import type { UnitLevels } from './assign-levels.js';

/** Units as flat buckets: their changes, their successors, and the window of levels each may run at. */
export interface UnitBuckets {
  readonly unitCount: number;
  /** Changes of unit u are `members[memberStart[u]..memberStart[u+1])`, ascending. */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  /** Units that must run after unit u: `successors[successorStart[u]..successorStart[u+1])`. */
  readonly successorStart: Int32Array;
  readonly successors: Int32Array;
  /** How many units must run before each unit. */
  readonly predecessorCount: Int32Array;
  /** The latest level each unit may run at without making the plan deeper. */
  readonly latestLevel: Int32Array;
}

/** Phase 4: counting sorts into flat buckets (no per-unit arrays: this runs on millions of changes). */
export function bucketUnits(units: UnitLevels): UnitBuckets {
  const { unitCount, unitOfChange, levelOfUnit, levels, edgeFrom, edgeTo, edgeCount } = units;
  const count = unitOfChange.length;
  const memberStart = new Int32Array(unitCount + 1);
  for (let index = 0; index < count; index += 1) memberStart[unitOfChange[index]! + 1]! += 1;
  for (let unit = 0; unit < unitCount; unit += 1) memberStart[unit + 1]! += memberStart[unit]!;
  const members = new Int32Array(count);
  const cursor = memberStart.slice(0, unitCount);
  for (let index = 0; index < count; index += 1) members[cursor[unitOfChange[index]!]!++] = index;

  const successorStart = new Int32Array(unitCount + 1);
  const predecessorCount = new Int32Array(unitCount);
  for (let edge = 0; edge < edgeCount; edge += 1) {
    successorStart[edgeFrom[edge]! + 1]! += 1;
    predecessorCount[edgeTo[edge]!]! += 1;
  }
  for (let unit = 0; unit < unitCount; unit += 1) successorStart[unit + 1]! += successorStart[unit]!;
  const successors = new Int32Array(edgeCount);
  cursor.set(successorStart.subarray(0, unitCount));
  for (let edge = 0; edge < edgeCount; edge += 1) successors[cursor[edgeFrom[edge]!]!++] = edgeTo[edge]!;

  // Latest level: one less than the latest of any successor. Successors sit on deeper levels, so units are
  // visited deepest level first (a counting sort by level).
  const levelStart = new Int32Array(levels + 1);
  for (let unit = 0; unit < unitCount; unit += 1) levelStart[levelOfUnit[unit]! + 1]! += 1;
  for (let level = 0; level < levels; level += 1) levelStart[level + 1]! += levelStart[level]!;
  const byLevel = new Int32Array(unitCount);
  const levelCursor = levelStart.slice(0, levels);
  for (let unit = 0; unit < unitCount; unit += 1) byLevel[levelCursor[levelOfUnit[unit]!]!++] = unit;
  const latestLevel = new Int32Array(unitCount);
  for (let position = unitCount - 1; position >= 0; position -= 1) {
    const unit = byLevel[position]!;
    let latest = levels - 1;
    for (let edge = successorStart[unit]!; edge < successorStart[unit + 1]!; edge += 1) {
      const bound = latestLevel[successors[edge]!]! - 1;
      if (bound < latest) latest = bound;
    }
    latestLevel[unit] = latest;
  }
  return { unitCount, memberStart, members, successorStart, successors, predecessorCount, latestLevel };
}
