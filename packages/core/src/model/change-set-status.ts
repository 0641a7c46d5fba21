/**
 * The neutral life cycle of a change set, whichever the provider:
 * creating -> ready -> running -> succeeded | failed | cancelled.
 */
export const changeSetStatuses = ['creating', 'ready', 'running', 'succeeded', 'failed', 'cancelled'] as const;

/** The provider-neutral status of a change set. */
export type ChangeSetStatus = (typeof changeSetStatuses)[number];

const settled: ReadonlySet<ChangeSetStatus> = new Set(['succeeded', 'failed', 'cancelled']);

/** True when the change set will not change any more. */
export function isSettledStatus(status: ChangeSetStatus): boolean {
  return settled.has(status);
}
