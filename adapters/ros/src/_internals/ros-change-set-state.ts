import type {
  ChangeSetError,
  ChangeSetRef,
  ChangeSetState,
  ChangeSetStatus,
  JsonValue,
  PlannedChange,
} from '@changeplane/core';
import type { SecretRedactor } from '@changeplane/core/adapter';
import { rosExecutionFailure } from './ros-execution-failure.js';

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
  /** GetStack's Outputs (the SDK keeps the service's member names). */
  outputs?: readonly { readonly OutputKey?: string; readonly OutputValue?: unknown }[];
}

/** A stack's Outputs by OutputKey: what `ChangeSetState.outputs` carries once the execution succeeded. */
export function stackOutputs(stack: RosStackBody | undefined): Record<string, JsonValue> | undefined {
  const listed = (stack?.outputs ?? []).filter((output) => typeof output.OutputKey === 'string');
  if (listed.length === 0) return undefined;
  // Parsed from the service's JSON answer: plain JSON data.
  return Object.fromEntries(listed.map((output) => [output.OutputKey!, (output.OutputValue ?? null) as JsonValue]));
}

interface RosResourceChange {
  readonly Action?: string;
  readonly LogicalResourceId?: string;
  readonly ResourceType?: string;
  readonly Replacement?: string;
  readonly Details?: readonly { readonly Target?: { readonly Attribute?: string; readonly Name?: string } }[];
}

const replacementNote: Readonly<Record<string, string>> = { True: ' (replaced)', Conditional: ' (may be replaced)' };

/** `ALIYUN::ECS::VSwitch: CidrBlock, ZoneId (replaced)`: the type, then for a Modify what changes and whether it replaces. */
function changeDetail(resource: RosResourceChange): string | undefined {
  if (resource.Action !== 'Modify') return resource.ResourceType;
  const names = (resource.Details ?? []).map((detail) => detail.Target?.Name ?? detail.Target?.Attribute ?? '');
  const changed = [...new Set(names)].filter((name) => name !== '');
  const what = changed.length > 0 ? `: ${changed.join(', ')}` : '';
  return `${resource.ResourceType ?? 'resource'}${what}${replacementNote[resource.Replacement ?? ''] ?? ''}`;
}

/**
 * GetChangeSet's `Changes` as planned changes: `Add Vpc ALIYUN::ECS::VPC`,
 * `Modify VSwitch ALIYUN::ECS::VSwitch: CidrBlock (replaced)` (from each ResourceChange's Details and Replacement).
 */
export function rosPlannedChanges(changes: readonly unknown[] | undefined): PlannedChange[] {
  return (changes ?? []).map((change) => {
    const resource = (change as { ResourceChange?: RosResourceChange }).ResourceChange ?? {};
    const detail = changeDetail(resource);
    return {
      action: resource.Action ?? 'Change',
      target: resource.LogicalResourceId ?? '?',
      ...(detail ? { detail } : {}),
    };
  });
}

/** The stack's outcome once its change set was executed: neutral status, ROS's failure code, and why. */
interface StackOutcome {
  readonly status: ChangeSetStatus;
  readonly failureCode?: string;
  readonly reason?: string;
}

/**
 * What the stack's status says of an executed change set. A rollback (`CREATE_ROLLBACK_COMPLETE`,
 * `ROLLBACK_COMPLETE`, ...) is a failure named by its status, with the reason of the failure that caused it;
 * `<ACTION>_FAILED` while the execution is still in progress means the rollback has yet to start.
 */
function fromStack(stack: RosStackBody, executionStatus: string): StackOutcome {
  const status = stack.status ?? '';
  const reason = stack.statusReason;
  if (status.endsWith('_IN_PROGRESS')) return { status: 'running' };
  if (status === 'UPDATE_ROLLBACK_COMPLETE' && /cancel/i.test(reason ?? '')) {
    return { status: 'cancelled', ...(reason ? { reason } : {}) };
  }
  if (status.includes('ROLLBACK')) {
    return { status: 'failed', failureCode: status, reason: `rolled back (${status}): ${reason ?? 'no reason given'}` };
  }
  if (status.endsWith('_FAILED')) {
    if (executionStatus === 'EXECUTE_IN_PROGRESS') return { status: 'running' };
    return { status: 'failed', failureCode: status, ...(reason ? { reason } : {}) };
  }
  if (status.endsWith('_COMPLETE')) return { status: 'succeeded' };
  return { status: 'running' };
}

/** Before execution: how far ROS got computing the change set, and whether it was deleted. */
function beforeExecution(changeSet: RosChangeSetBody): StackOutcome {
  const status = changeSet.status ?? '';
  const reason = changeSet.statusReason;
  if (status === 'CREATE_PENDING' || status === 'CREATE_IN_PROGRESS') return { status: 'creating' };
  if (status === 'CREATE_FAILED') return { status: 'failed', ...(reason ? { reason } : {}) };
  if (status === 'DELETE_COMPLETE') {
    // Deleted by hand, or by ROS when another change set of the stack was executed (DeleteChangeSet page).
    return { status: 'cancelled', reason: reason ?? 'the change set was deleted' };
  }
  if (changeSet.executionStatus === 'OBSOLETE') {
    return {
      status: 'cancelled',
      reason: 'another change set of the stack was executed, which made this one obsolete',
    };
  }
  return {
    status: changeSet.executionStatus?.startsWith('EXECUTE') ? 'running' : 'ready',
    ...(reason ? { reason } : {}),
  };
}

/**
 * A change set's neutral state. Before execution it follows the change set's Status and ExecutionStatus;
 * once executed, the stack's status is what tells success from failure.
 */
export function rosChangeSetState(
  ref: ChangeSetRef,
  changeSet: RosChangeSetBody,
  stack?: RosStackBody,
  redactor?: SecretRedactor,
): ChangeSetState {
  const execution = changeSet.executionStatus ?? '';
  const executed = execution.startsWith('EXECUTE') && changeSet.status !== 'DELETE_COMPLETE';
  const outcome = executed && stack ? fromStack(stack, execution) : beforeExecution(changeSet);
  const reason = outcome.reason ?? (executed ? stack?.statusReason : undefined) ?? changeSet.statusReason;
  // The failure as a member of the error union (ChangeSetState.failure, as the Marketplace adapter gives it).
  const failure =
    outcome.failureCode && stack
      ? rosExecutionFailure(ref, outcome.failureCode, stack.statusReason, redactor)
      : undefined;
  const outputs = outcome.status === 'succeeded' ? stackOutputs(stack) : undefined;
  const state: ChangeSetState & { readonly failure?: ChangeSetError } = {
    ref,
    status: outcome.status,
    rawStatus: `${changeSet.status ?? ''}/${execution}${stack?.status ? ` stack ${stack.status}` : ''}`,
    ...(reason ? { reason } : {}),
    ...(outcome.failureCode ? { failureCode: outcome.failureCode } : {}),
    ...(failure ? { failure } : {}),
    changes: rosPlannedChanges(changeSet.changes),
    entities: [changeSet.stackName ?? changeSet.stackId ?? ''],
    ...(stack?.updateTime ? { updatedAt: stack.updateTime } : {}),
    ...(outputs ? { outputs } : {}),
  };
  return state;
}
