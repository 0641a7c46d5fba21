import type { PlanningPolicy } from './planning-policy.js';

/** A change as the planner specs write it: an entity, a type, a name and the names it references. */
export interface PlannerChange {
  readonly entity?: string;
  readonly changeType: string;
  readonly changeName?: string;
  readonly references?: readonly string[];
}

/** The rules the specs plan by: 20 per set, one change type per entity per set, references travel together. */
export const testPolicy: PlanningPolicy<PlannerChange> = {
  provider: 'planner',
  capacity: 20,
  conflictRule: 'oneChangeTypePerEntity',
  orderKey: (change) => change.entity,
  conflictKey: (change) => change.changeType,
  groupKey: (change) => change.changeName,
  groupLinks: (change) => change.references,
};
