import type { PlannedChange } from '@changeplane/core';

/** An entity that the plan changes in more change sets than can run together. */
export interface EntitySequence {
  /** `EntityType/identifier`. */
  readonly entity: string;
  /** How many change sets touch it: they run one after another, in plan order. */
  readonly sets: number;
}

// An entity target is `EntityType/identifier` (PlannedChange's contract); a ROS logical id has no `/`, and
// stacks with the same logical id are different resources.
const isEntity = (target: string) => target.includes('/');

/**
 * Entities touched by at least `atLeast` prepared change sets, most first. Change sets that share an entity
 * run one after another (the planner splits changes of one type on one entity across sets), so 25 such
 * changes are 25 sets in sequence: the preview names them instead of leaving it to the task list.
 */
export function entitySequences(
  changesByTask: ReadonlyMap<string, readonly PlannedChange[]>,
  atLeast = 3,
): EntitySequence[] {
  const sets = new Map<string, number>();
  for (const changes of changesByTask.values()) {
    for (const entity of new Set(changes.map((change) => change.target).filter(isEntity)))
      sets.set(entity, (sets.get(entity) ?? 0) + 1);
  }
  return [...sets]
    .filter(([, count]) => count >= atLeast)
    .map(([entity, count]) => ({ entity, sets: count }))
    .sort((a, b) => b.sets - a.sets || a.entity.localeCompare(b.entity));
}
