import * as $Ros from '@alicloud/ros20190910';
import { type CallOptions, type ChangeSetError, type ChangeSetRef, type ChangeSetState } from '@changeplane/core';
import { createChangeSetError } from '@changeplane/core/adapter';
import { err, type Result } from 'neverthrow';
import type { RosChangeSetBody } from '../ros-change-set-state.js';
import { rosProviderId } from '../ros-provider-id.js';
import { type RosSession, regionOf } from '../ros-session.js';
import { callRos } from './call-ros.js';
import { describeChangeSet } from './describe-change-set.js';
import { getChangeSet } from './get-change-set.js';

/** CancelUpdateStack while executing, DeleteChangeSet before; anything later has nothing to cancel. */
function cancelCall(session: RosSession, ref: ChangeSetRef, changeSet: RosChangeSetBody) {
  const regionId = regionOf(session, ref);
  const stack = changeSet.stackName ?? ref.scope.stackId ?? '';
  const execution = changeSet.executionStatus;
  if (execution === 'EXECUTE_IN_PROGRESS') {
    const request = new $Ros.CancelUpdateStackRequest({ regionId, stackId: changeSet.stackId });
    return { operation: 'CancelUpdateStack', stack, send: () => session.client.cancelUpdateStack(request) };
  }
  if (execution === 'AVAILABLE' || execution === 'UNAVAILABLE') {
    const request = new $Ros.DeleteChangeSetRequest({ regionId, changeSetId: ref.changeSetId });
    return { operation: 'DeleteChangeSet', stack, send: () => session.client.deleteChangeSet(request) };
  }
  return undefined;
}

/** Cancels what can still be cancelled of the change set, then its state. */
export async function cancelChangeSet(
  session: RosSession,
  ref: ChangeSetRef,
  options: CallOptions,
): Promise<Result<ChangeSetState, ChangeSetError>> {
  const got = await getChangeSet(session, ref, options);
  if (got.isErr()) return err(got.error);
  const call = cancelCall(session, ref, got.value);
  if (!call) {
    return err(
      createChangeSetError('conflict', {
        provider: rosProviderId,
        operation: 'cancel',
        message: `change set ${ref.changeSetId} is ${got.value.status}/${got.value.executionStatus}: there is nothing left to cancel`,
      }),
    );
  }
  const cancelled = await callRos<unknown>(session, call, options);
  if (cancelled.isErr()) return err(cancelled.error);
  return describeChangeSet(session, ref, options);
}
