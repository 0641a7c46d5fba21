import type { PlannedChangeSet } from './planned-change-set.js';

/** Who must finish before whom, and how long a chain hangs off each set. */
export interface ChangeSetDependencies {
  /** For each set, the sets that must succeed first (the previous set of each of its entities). */
  readonly predecessors: readonly (readonly number[])[];
  readonly successors: readonly (readonly number[])[];
  /** Length, in sets, of the longest chain that starts at each set: the scheduler starts long chains first. */
  readonly chainLength: readonly number[];
}

/** Sets that share an entity run in plan order; every other pair may run at once. */
export function changeSetDependencies(sets: readonly PlannedChangeSet[]): ChangeSetDependencies {
  const predecessors: number[][] = sets.map(() => []);
  const successors: number[][] = sets.map(() => []);
  const lastSetOf = new Map<string, number>();
  for (const set of sets) {
    const before = new Set<number>();
    for (const entity of set.entities) {
      const previous = lastSetOf.get(entity);
      if (previous !== undefined) before.add(previous);
      lastSetOf.set(entity, set.index);
    }
    for (const previous of before) {
      predecessors[set.index]!.push(previous);
      successors[previous]!.push(set.index);
    }
  }
  const chainLength = new Array<number>(sets.length).fill(1);
  for (let index = sets.length - 1; index >= 0; index -= 1) {
    for (const next of successors[index]!) chainLength[index] = Math.max(chainLength[index]!, chainLength[next]! + 1);
  }
  return { predecessors, successors, chainLength };
}
