import type * as $Ros from '@alicloud/ros20190910';
import { type ChangeSetError, type ChangeSetHandle, type CreateOptions } from '@changeplane/core';
import { type CheckedRequest, generateClientToken, withClientToken } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import type { RosChangeSetRequest } from '../../ros-change-set-request.js';
import { rosPlannedChanges } from '../ros-change-set-state.js';
import { rosProviderId } from '../ros-provider-id.js';
import type { RosSession } from '../ros-session.js';
import { toCreateChangeSetRequest } from '../to-create-change-set-request.js';
import { callRos } from './call-ros.js';
import { deleteOldestUnexecuted } from './delete-oldest-unexecuted.js';
import { discardChangeSet } from './discard-change-set.js';
import { getStackOutputs } from './get-stack-outputs.js';
import { resolveStackByName } from './resolve-stack-by-name.js';
import { waitUntilPrepared } from './wait-until-prepared.js';

type Created = $Ros.CreateChangeSetResponse;

/** CreateChangeSet, making room first when the stack is full and the caller opted in. */
async function createMakingRoom(
  session: RosSession,
  request: RosChangeSetRequest,
  clientToken: string,
  options: CreateOptions,
): Promise<Result<Created, ChangeSetError>> {
  const sdkRequest = toCreateChangeSetRequest(request, clientToken);
  const stack = request.stackName ?? request.stackId ?? '';
  const createOnce = () =>
    callRos(
      session,
      { operation: 'CreateChangeSet', stack, send: () => session.client.createChangeSet(sdkRequest) },
      options,
    );
  const created = await createOnce();
  const full = created.isErr() && created.error.kind === 'quota-exceeded';
  if (!full || !session.options.changeSetLimit?.deleteOldestUnexecuted || !request.stackId) return created;
  const room = await deleteOldestUnexecuted(session, { stackId: request.stackId, regionId: request.regionId }, options);
  return room.isErr() ? err(room.error) : await createOnce();
}

/**
 * A request by stack name is first made CREATE or UPDATE (`resolveStackByName`). CreateChangeSet (the same
 * ClientToken on every retry), then the wait until ROS has computed it: the handle says ready, or
 * no-changes (that change set is deleted: it can never be executed); a change set ROS could not create is a
 * validation error.
 */
export async function createChangeSet(
  session: RosSession,
  checked: CheckedRequest<RosChangeSetRequest>,
  options: CreateOptions,
): Promise<Result<ChangeSetHandle, ChangeSetError>> {
  const clientToken = options.clientToken ?? checked.request.clientToken ?? generateClientToken();
  const resolved = await resolveStackByName(session, checked, options);
  if (resolved.isErr()) return err(resolved.error);
  const { request, warnings } = resolved.value;
  // The name the plan gave stays the stack's name in the handle, also for an UPDATE found by it.
  const stackName = request.stackName ?? checked.request.stackName;
  const created = await createMakingRoom(session, request, clientToken, options);
  if (created.isErr()) return err(withClientToken(created.error, clientToken));
  const body = created.value.body;
  const ref = {
    provider: rosProviderId,
    changeSetId: body?.changeSetId ?? '',
    region: request.regionId,
    scope: {
      stackId: body?.stackId ?? '',
      ...(stackName ? { stackName } : {}),
      changeSetType: request.changeSetType ?? 'UPDATE',
    },
  };
  const prepared = await waitUntilPrepared(session, ref, options);
  if (prepared.isErr()) return err(withClientToken(prepared.error, clientToken));
  const handle: ChangeSetHandle = {
    ...ref,
    outcome: prepared.value.executionStatus === 'AVAILABLE' ? 'ready' : 'no-changes',
    entities: [stackName ?? request.stackId ?? ''],
    changes: rosPlannedChanges(prepared.value.changes),
    startToken: options.startToken ?? generateClientToken(),
    createdAt: new Date().toISOString(),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  if (handle.outcome === 'ready') return ok(handle);
  // Nothing to execute: the change set is removed at once, so re-applying leaves none behind.
  const removed = await discardChangeSet(session, handle, options);
  if (removed.isErr()) return err(removed.error);
  // Shown as after any apply: a stack that cannot be read now shows none (nothing was changed either way).
  const outputs = handle.scope.changeSetType === 'UPDATE' ? await getStackOutputs(session, handle, options) : undefined;
  return ok(outputs ? { ...handle, outputs } : handle);
}
