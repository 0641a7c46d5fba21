import type { ViolationCollector } from './violation-collector.js';

export interface ListSort {
  readonly SortBy: string;
  readonly SortOrder: 'ASCENDING' | 'DESCENDING';
}

/** A Sort: SortBy one of `sortable` (default `defaultBy`), SortOrder ASCENDING (default) | DESCENDING. */
export function checkSort(
  sort: unknown,
  sortable: readonly string[],
  defaultBy: string,
  violations: ViolationCollector,
): ListSort {
  const { SortBy = defaultBy, SortOrder = 'ASCENDING' } = (sort ?? {}) as { SortBy?: unknown; SortOrder?: unknown };
  if (typeof SortBy !== 'string' || !sortable.includes(SortBy)) {
    violations.add('Sort.SortBy', `SortBy must be one of ${sortable.join(', ')}`);
  }
  if (SortOrder !== 'ASCENDING' && SortOrder !== 'DESCENDING') {
    violations.add('Sort.SortOrder', 'SortOrder must be ASCENDING or DESCENDING');
  }
  return { SortBy: String(SortBy), SortOrder: SortOrder === 'DESCENDING' ? 'DESCENDING' : 'ASCENDING' };
}
