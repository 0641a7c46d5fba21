import type { PlanningPolicy } from '@changeplane/core';
import { skewedWorkload } from './skewed-workload.js';

/** A benchmark change: already keyed, so the planner alone is measured. */
export interface BenchChange {
  readonly entity?: string;
  readonly changeType: string;
  readonly changeName?: string;
  readonly references?: readonly string[];
}

/** The Marketplace's rules over pre-keyed changes: 20 per set, one type per entity, references together. */
export const benchPolicy: PlanningPolicy<BenchChange> = {
  provider: 'bench',
  capacity: 20,
  orderKey: (change) => change.entity,
  conflictKey: (change) => change.changeType,
  groupKey: (change) => change.changeName,
  groupLinks: (change) => change.references,
};

export type WorkloadName = 'zipf' | 'uniform' | 'reference-groups' | 'one-entity';

/** The planner workloads: Zipf (0.9) and uniform over n/20 entities, one in four in a reference group, all on one entity. */
export function plannerWorkload(name: WorkloadName, size: number): BenchChange[] {
  const entities = Math.max(300, Math.floor(size / 20));
  if (name === 'zipf') return skewedWorkload(size, entities, 0.9);
  if (name === 'uniform') return skewedWorkload(size, entities, 0);
  if (name === 'one-entity') return skewedWorkload(size, 1, 0);
  // Reference groups: every fourth change creates an entity that the next three reference, each with
  // its own change type (so a group never repeats a type on one entity).
  const types = ['UpdateInformation', 'UpdateTargeting', 'UpdateLegalTerms'];
  return skewedWorkload(size, entities, 0.9).map((change, index) => {
    const group = Math.floor(index / 4);
    return index % 4 === 0
      ? { changeType: 'CreateProduct', changeName: `new${group}` }
      : { entity: change.entity, changeType: types[(index % 4) - 1]!, references: [`new${group}`] };
  });
}
