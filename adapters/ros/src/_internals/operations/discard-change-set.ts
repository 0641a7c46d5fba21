import * as $Ros from '@alicloud/ros20190910';
import type { CallOptions, ChangeSetError, ChangeSetHandle } from '@changeplane/core';
import { err, ok, type Result } from 'neverthrow';
import { rosProviderId } from '../ros-provider-id.js';
import { type RosSession, regionOf } from '../ros-session.js';
import { callRos } from './call-ros.js';

/** DeleteStack of a CREATE change set's stack that still waits in REVIEW_IN_PROGRESS (nothing in it). */
async function deleteReviewStack(
  session: RosSession,
  target: { readonly regionId: string; readonly stackId: string; readonly stack: string },
  options: CallOptions,
): Promise<Result<void, ChangeSetError>> {
  const { regionId, stackId, stack } = target;
  const found = await callRos(
    session,
    {
      operation: 'GetStack',
      stack,
      send: () => session.client.getStack(new $Ros.GetStackRequest({ regionId, stackId })),
    },
    options,
  );
  if (found.isErr()) return err(found.error);
  if (found.value.body?.status !== 'REVIEW_IN_PROGRESS') return ok(undefined);
  const deleted = await callRos(
    session,
    {
      operation: 'DeleteStack',
      stack,
      send: () => session.client.deleteStack(new $Ros.DeleteStackRequest({ regionId, stackId })),
    },
    options,
  );
  return deleted.map(() => undefined);
}

/**
 * Removes a change set that will not be executed, in its own region. A CREATE change set made its stack,
 * which waits in REVIEW_IN_PROGRESS with nothing in it: ROS leaves that stack to the caller, so it is
 * deleted too and a preview leaves nothing behind (a CREATE change set or stack already gone counts as done).
 */
export async function discardChangeSet(
  session: RosSession,
  handle: ChangeSetHandle,
  options: CallOptions,
): Promise<Result<void, ChangeSetError>> {
  const { changeSetId } = handle;
  if (handle.provider !== rosProviderId || !changeSetId) return ok(undefined);
  const regionId = regionOf(session, handle);
  const stack = handle.scope.stackName ?? handle.scope.stackId ?? '';
  const stackId = handle.scope.stackId;
  const request = new $Ros.DeleteChangeSetRequest({ regionId, changeSetId });
  const deleted = await callRos(
    session,
    { operation: 'DeleteChangeSet', stack, send: () => session.client.deleteChangeSet(request) },
    options,
  );
  if (handle.scope.changeSetType !== 'CREATE' || !stackId) return deleted.map(() => undefined);
  const done = deleted.isErr()
    ? err(deleted.error)
    : await deleteReviewStack(session, { regionId, stackId, stack }, options);
  return done.isErr() && done.error.kind === 'not-found' ? ok(undefined) : done;
}
