import type { UnitBuckets } from './bucket-units.js';
import { UnitHeap } from './unit-heap.js';

/** Which set each unit landed in; sets are numbered level by level, so plan order follows the levels. */
export interface PackedSets {
  readonly setCount: number;
  readonly setOfUnit: Int32Array;
  readonly levelOfSet: Int32Array;
  readonly levels: number;
}

/** Optional units that did not fit before the filling of a level gives up. */
const missesPerLevel = 32;

/**
 * Phase 5: pack. Level by level, the units that cannot wait (their latest level is this one) open the
 * level's sets, best-fit-decreasing; the room left is filled with ready units that could still wait, the
 * least slack first. So every level's sets are as full as the ready work allows, no unit runs after its
 * latest level (the plan is no deeper than the longest chain), and a unit runs only after every unit that
 * shares an order key with it and comes before it in the batch.
 */
export function packSets(buckets: UnitBuckets, capacity: number, levels: number): PackedSets {
  const { unitCount, memberStart, successorStart, successors, latestLevel } = buckets;
  const waiting = buckets.predecessorCount.slice();
  const setOfUnit = new Int32Array(unitCount);
  const levelOfSet = new Int32Array(unitCount);
  const roomOfSet = new Int32Array(unitCount);
  const heap = new UnitHeap(latestLevel, unitCount);
  for (let unit = 0; unit < unitCount; unit += 1) if (waiting[unit] === 0) heap.push(unit);

  const bySize: number[][] = Array.from({ length: capacity + 1 }, () => []);
  const withRoom: number[][] = Array.from({ length: capacity + 1 }, () => []);
  const placedHere: number[] = [];
  const aside: number[] = [];
  let setCount = 0;
  let usedLevels = 0;
  const sizeOf = (unit: number) => memberStart[unit + 1]! - memberStart[unit]!;
  // The fullest open set with room for `size`, or -1.
  const bestFit = (size: number) => {
    for (let room = size; room <= capacity; room += 1) {
      const stack = withRoom[room]!;
      if (stack.length > 0) return stack.pop()!;
    }
    return -1;
  };
  const put = (unit: number, set: number) => {
    setOfUnit[unit] = set;
    const room = roomOfSet[set]! - sizeOf(unit);
    roomOfSet[set] = room;
    if (room > 0) withRoom[room]!.push(set);
    placedHere.push(unit);
  };
  const largestRoom = () => {
    for (let room = capacity; room > 0; room -= 1) if (withRoom[room]!.length > 0) return room;
    return 0;
  };

  for (let level = 0; level < levels && heap.size > 0; level += 1) {
    if (heap.peekKey() !== level) continue;
    for (const stack of withRoom) if (stack.length > 0) stack.length = 0;
    placedHere.length = 0;
    while (heap.size > 0 && heap.peekKey() === level) {
      const unit = heap.pop();
      bySize[sizeOf(unit)]!.push(unit);
    }
    // Units that cannot wait: best fit, largest first; a unit that fits nowhere opens a set.
    for (let size = capacity; size >= 1; size -= 1) {
      const bucket = bySize[size]!;
      if (bucket.length === 0) continue;
      for (const unit of bucket) {
        let set = bestFit(size);
        if (set < 0) {
          set = setCount++;
          levelOfSet[set] = usedLevels;
          roomOfSet[set] = capacity;
        }
        put(unit, set);
      }
      bucket.length = 0;
    }
    // The room left: ready units that could wait, least slack first.
    aside.length = 0;
    let room = largestRoom();
    while (room > 0 && heap.size > 0 && aside.length < missesPerLevel) {
      const unit = heap.pop();
      const size = sizeOf(unit);
      const set = size <= room ? bestFit(size) : -1;
      if (set < 0) aside.push(unit);
      else {
        put(unit, set);
        room = largestRoom();
      }
    }
    for (const unit of aside) heap.push(unit);
    // What ran here frees its successors for the next levels.
    for (const unit of placedHere) {
      for (let edge = successorStart[unit]!; edge < successorStart[unit + 1]!; edge += 1) {
        const next = successors[edge]!;
        waiting[next]! -= 1;
        if (waiting[next] === 0) heap.push(next);
      }
    }
    usedLevels += 1;
  }
  return { setCount, setOfUnit, levelOfSet, levels: usedLevels };
}
