import type { ChangeSetRef, ChangeSetState, ChangeSetStatus, PlannedChange } from '@changeplane/core';

export interface RosChangeSetBody {
  status?: string;
  executionStatus?: string;
  statusReason?: string;
  changes?: unknown[];
  stackId?: string;
  stackName?: string;
}

export interface RosStackBody {
  status?: string;
  statusReason?: string;
  updateTime?: string;
}

/** GetChangeSet's `Changes` as planned changes: `Add Vpc (ALIYUN::ECS::VPC)`. */
export function rosPlannedChanges(changes: readonly unknown[] | undefined): PlannedChange[] {
  return (changes ?? []).map((change) => {
    const resource = (change as { ResourceChange?: Record<string, string> }).ResourceChange ?? {};
    return {
      action: resource.Action ?? 'Change',
      target: resource.LogicalResourceId ?? '?',
      ...(resource.ResourceType ? { detail: resource.ResourceType } : {}),
    };
  });
}

function fromStack(stack: RosStackBody): ChangeSetStatus {
  const status = stack.status ?? '';
  if (status.endsWith('_IN_PROGRESS')) return 'running';
  if (status === 'UPDATE_ROLLBACK_COMPLETE' && /cancel/i.test(stack.statusReason ?? '')) return 'cancelled';
  if (status.includes('ROLLBACK') || status.endsWith('_FAILED')) return 'failed';
  if (status.endsWith('_COMPLETE')) return 'succeeded';
  return 'running';
}

/**
 * A change set's neutral state. Before execution it follows the change set's Status and ExecutionStatus;
 * once executed, the stack's status is what tells success from failure.
 */
export function rosChangeSetState(
  ref: ChangeSetRef,
  changeSet: RosChangeSetBody,
  stack?: RosStackBody,
): ChangeSetState {
  const status = changeSet.status ?? '';
  const execution = changeSet.executionStatus ?? '';
  let neutral: ChangeSetStatus;
  let reason = changeSet.statusReason;
  if (status === 'CREATE_PENDING' || status === 'CREATE_IN_PROGRESS') neutral = 'creating';
  else if (status === 'CREATE_FAILED') neutral = 'failed';
  else if (status === 'DELETE_COMPLETE') neutral = 'cancelled';
  else if (execution === 'OBSOLETE') {
    neutral = 'cancelled';
    reason = 'another change set of the stack was executed, which made this one obsolete';
  } else if (execution.startsWith('EXECUTE') && stack) {
    neutral = fromStack(stack);
    reason = stack.statusReason ?? reason;
  } else if (execution.startsWith('EXECUTE')) neutral = 'running';
  else neutral = 'ready';
  return {
    ref,
    status: neutral,
    rawStatus: `${status}/${execution}${stack?.status ? ` stack ${stack.status}` : ''}`,
    ...(reason ? { reason } : {}),
    changes: rosPlannedChanges(changeSet.changes),
    entities: [changeSet.stackName ?? changeSet.stackId ?? ''],
    ...(stack?.updateTime ? { updatedAt: stack.updateTime } : {}),
  };
}
