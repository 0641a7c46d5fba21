import { randomUUID } from 'node:crypto';
import type { RosChangeSet, RosStack } from './ros-records.js';
import { rosTime } from './ros-records.js';
import { rollbackOf } from './ros-statuses.js';

/** The stack operation an executed change set runs (an IMPORT makes a new stack or adds to one). */
export type RosStackAction = 'CREATE' | 'UPDATE' | 'IMPORT_CREATE' | 'IMPORT_UPDATE';

/** What executing this change set does to its stack (`stack` as it is before the execution). */
export function stackActionOf(changeSet: RosChangeSet, stack: RosStack): RosStackAction {
  if (changeSet.type !== 'IMPORT') return changeSet.type;
  return stack.status === 'REVIEW_IN_PROGRESS' ? 'IMPORT_CREATE' : 'IMPORT_UPDATE';
}

/** Why an execution failed: the resource and the reason GetStack shows. */
export interface RosExecutionFailure {
  readonly reason: string;
  readonly logicalResourceId: string;
  readonly resourceType: string;
  /** The error code in OperationInfo. */
  readonly code?: string;
}

const operationName: Readonly<Record<RosStackAction, string>> = {
  CREATE: 'Create',
  UPDATE: 'Update',
  IMPORT_CREATE: 'Import',
  IMPORT_UPDATE: 'Import',
};

/**
 * Whether ROS rolls back after this failure: a failed create unless the change set disabled it (CreateStack
 * DisableRollback); a failed update always (UpdateStack page: "a rollback is performed regardless").
 */
export function rollsBack(changeSet: RosChangeSet, action: RosStackAction): boolean {
  return action === 'CREATE' || action === 'IMPORT_CREATE' ? !changeSet.disableRollback : true;
}

/**
 * The operation failed: the stack shows `<ACTION>_FAILED` and why (GetStack's StatusReason and OperationInfo).
 * The execution ends EXECUTE_FAILED now, or once the rollback that follows is done.
 */
export function failExecution(
  changeSet: RosChangeSet,
  stack: RosStack,
  action: RosStackAction,
  failure: RosExecutionFailure,
): void {
  if (!rollsBack(changeSet, action)) changeSet.executionStatus = 'EXECUTE_FAILED';
  stack.updateTime = rosTime();
  stack.status = `${action}_FAILED`;
  stack.statusReason = failure.reason;
  stack.operationInfo = {
    Action: operationName[action],
    Code: failure.code ?? 'EmulatedFailure',
    LogicalResourceId: failure.logicalResourceId,
    Message: failure.reason,
    ResourceType: failure.resourceType,
    RequestId: randomUUID().toUpperCase(),
  };
}

/** The rollback after a failed operation starts: `<ROLLBACK>_IN_PROGRESS` (the failure's reason stays). */
export function startRollback(stack: RosStack, action: RosStackAction): void {
  stack.status = `${rollbackOf[action]}_IN_PROGRESS`;
  stack.updateTime = rosTime();
}

/** The rollback is done: `<ROLLBACK>_COMPLETE`; the stack keeps what it had before, the execution failed. */
export function finishRollback(changeSet: RosChangeSet, stack: RosStack, action: RosStackAction): void {
  stack.status = `${rollbackOf[action]}_COMPLETE`;
  stack.updateTime = rosTime();
  changeSet.executionStatus = 'EXECUTE_FAILED';
}

/** Applies an executed change set to its stack: template, parameters and the settings it gives. */
export function completeExecution(changeSet: RosChangeSet, stack: RosStack, action: RosStackAction): void {
  changeSet.executionStatus = 'EXECUTE_COMPLETE';
  stack.updateTime = rosTime();
  stack.operationInfo = undefined;
  stack.status = `${action}_COMPLETE`;
  stack.statusReason = `Stack ${action} completed successfully`;
  stack.template = changeSet.template;
  stack.templateBody = changeSet.templateBody;
  stack.templateSource = changeSet.templateSource;
  stack.parameters = changeSet.parameters;
  stack.disableRollback = changeSet.disableRollback;
  if (changeSet.timeoutInMinutes !== undefined) stack.timeoutInMinutes = changeSet.timeoutInMinutes;
  // An update keeps what it does not give again; tags, notification URLs and the role given replace the old.
  if (changeSet.tags.length > 0 || action === 'CREATE') stack.tags = changeSet.tags;
  if (changeSet.notificationURLs.length > 0 || action === 'CREATE') stack.notificationURLs = changeSet.notificationURLs;
  if (changeSet.ramRoleName !== undefined) stack.ramRoleName = changeSet.ramRoleName;
  if (changeSet.parallelism !== undefined) stack.parallelism = changeSet.parallelism;
}
