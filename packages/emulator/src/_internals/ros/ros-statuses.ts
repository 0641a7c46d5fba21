/**
 * The statuses ROS reports, as unions (the SDK types them as plain strings; the values are the API pages').
 * Stack: GetStack/ListStacks `Status` (https://www.alibabacloud.com/help/doc-detail/132088.htm), plus
 * UPDATE_ROLLBACK_* which the emulator shows for a cancelled update (CancelUpdateStack; the page lists none).
 */
export type RosStackStatus =
  | `${'CREATE' | 'UPDATE' | 'DELETE' | 'CHECK' | 'IMPORT_CREATE' | 'IMPORT_UPDATE'}_${RosPhase}`
  | `${'CREATE_ROLLBACK' | 'ROLLBACK' | 'IMPORT_CREATE_ROLLBACK' | 'IMPORT_UPDATE_ROLLBACK' | 'UPDATE_ROLLBACK'}_${RosPhase}`
  | 'REVIEW_IN_PROGRESS';

type RosPhase = 'IN_PROGRESS' | 'FAILED' | 'COMPLETE';

/** GetChangeSet `Status`: how far ROS got computing the change set. */
export type RosChangeSetStatus =
  | 'CREATE_PENDING'
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_COMPLETE'
  | 'CREATE_FAILED'
  | 'DELETE_FAILED'
  | 'DELETE_COMPLETE';

/** GetChangeSet `ExecutionStatus`: whether it can be, is being, or was executed. */
export type RosExecutionStatus =
  | 'UNAVAILABLE'
  | 'AVAILABLE'
  | 'EXECUTE_IN_PROGRESS'
  | 'EXECUTE_COMPLETE'
  | 'EXECUTE_FAILED'
  | 'OBSOLETE';

/** The change set types of CreateChangeSet's `ChangeSetType`. */
export type RosChangeSetType = 'CREATE' | 'UPDATE' | 'IMPORT';

/** The stack status prefix of the rollback after a failed operation (GetStack page; SDK GetStack doc comments). */
export const rollbackOf = {
  CREATE: 'CREATE_ROLLBACK',
  UPDATE: 'ROLLBACK',
  IMPORT_CREATE: 'IMPORT_CREATE_ROLLBACK',
  IMPORT_UPDATE: 'IMPORT_UPDATE_ROLLBACK',
} as const;

/** A stack running an operation (REVIEW_IN_PROGRESS is a stack waiting for its first execution: not busy). */
export function isBusy(status: RosStackStatus): boolean {
  return status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS';
}

/** DeleteChangeSet accepts a change set that was computed (or failed) and never executed. */
export function isDeletable(status: RosChangeSetStatus, execution: RosExecutionStatus): boolean {
  return (
    (status === 'CREATE_COMPLETE' || status === 'CREATE_FAILED' || status === 'DELETE_FAILED') &&
    (execution === 'AVAILABLE' || execution === 'UNAVAILABLE')
  );
}
