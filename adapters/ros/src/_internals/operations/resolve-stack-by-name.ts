import type { CallOptions, ChangeSetError } from '@changeplane/core';
import { type CheckedRequest, createChangeSetError } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import type { RosChangeSetRequest } from '../../ros-change-set-request.js';
import { rosProviderId } from '../ros-provider-id.js';
import type { RosSession } from '../ros-session.js';
import { checkRosRequest, isStackByName } from '../validate-ros-request.js';
import { findStackByName } from './find-stack-by-name.js';

/**
 * The stack statuses an UPDATE change set is made against: an operation that completed (an update rolled
 * back included) or an update that failed without rolling back. A stack whose creation failed
 * (CREATE_FAILED, CREATE_ROLLBACK_*), or one being deleted or busy, is refused by name before anything is
 * made (docs/provider-notes.md). REVIEW_IN_PROGRESS (made by a CREATE change set never executed) is left to
 * CREATE: a resent CreateChangeSet with the same ClientToken gets its change set back, another is StackExists.
 */
const updatableStatuses: ReadonlySet<string> = new Set([
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_FAILED',
  'ROLLBACK_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_CREATE_COMPLETE',
  'IMPORT_UPDATE_COMPLETE',
  'IMPORT_UPDATE_ROLLBACK_COMPLETE',
  'CHECK_COMPLETE',
]);

function notUpdatable(stackName: string, stackId: string, status: string): ChangeSetError {
  const busy = status.endsWith('_IN_PROGRESS');
  const what = busy
    ? 'an operation is under way on it; apply again once it has ended'
    : 'it cannot take an update in this status; delete the stack (or fix it at ROS) and apply again';
  return createChangeSetError('conflict', {
    provider: rosProviderId,
    operation: 'create',
    code: 'StackNotUpdatable',
    message: `stack ${stackName} (${stackId}) is ${status}: ${what}`,
    retryable: busy,
  });
}

/**
 * A request by stack name (no ChangeSetType, no stackId) made concrete by ListStacks in its region: CREATE
 * when no stack has the name, UPDATE against the stack's id when one has, checked again for that type (its
 * warnings added). Any other request is returned as it is, without a call.
 */
export async function resolveStackByName(
  session: RosSession,
  checked: CheckedRequest<RosChangeSetRequest>,
  options: CallOptions,
): Promise<Result<CheckedRequest<RosChangeSetRequest>, ChangeSetError>> {
  const { request } = checked;
  if (!isStackByName(request) || request.stackName === undefined) return ok(checked);
  const stackName = request.stackName;
  const found = await findStackByName(session, { regionId: request.regionId, stackName }, options);
  if (found.isErr()) return err(found.error);
  const stack = found.value?.status === 'REVIEW_IN_PROGRESS' ? undefined : found.value;
  if (stack && !updatableStatuses.has(stack.status)) return err(notUpdatable(stackName, stack.stackId, stack.status));
  const { stackName: _name, ...rest } = request;
  const concrete: RosChangeSetRequest = stack
    ? { ...rest, changeSetType: 'UPDATE', stackId: stack.stackId }
    : { ...request, changeSetType: 'CREATE' };
  const again = checkRosRequest(concrete);
  if (again.isErr()) return err(again.error);
  return ok({ request: again.value.request, warnings: [...checked.warnings, ...again.value.warnings] });
}
