import * as $Ros from '@alicloud/ros20190910';
import { type ChangeSetError, type ChangeSetHandle, type StartedChangeSet, type StartOptions } from '@changeplane/core';
import { createChangeSetError, createValidationError, withClientToken } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import { rosProviderId } from '../ros-provider-id.js';
import { type RosSession, regionOf } from '../ros-session.js';
import { callRos } from './call-ros.js';

/** The change set to execute, or why this handle cannot be executed (not ours, nothing to execute). */
function executable(handle: ChangeSetHandle): Result<string, ChangeSetError> {
  if (handle.provider !== rosProviderId || !handle.changeSetId) {
    return err(
      createValidationError(rosProviderId, 'start', [
        { path: 'handle', rule: 'provider', message: 'not a handle made by the ROS provider' },
      ]),
    );
  }
  if (handle.outcome !== 'no-changes') return ok(handle.changeSetId);
  return err(
    createChangeSetError('conflict', {
      provider: rosProviderId,
      operation: 'start',
      code: 'NoChanges',
      message: `change set ${handle.changeSetId} has no changes: there is nothing to execute`,
    }),
  );
}

/** ExecuteChangeSet in the change set's region with the handle's start token (the same on every retry). */
export async function executeChangeSet(
  session: RosSession,
  handle: ChangeSetHandle,
  options: StartOptions,
): Promise<Result<StartedChangeSet, ChangeSetError>> {
  const checked = executable(handle);
  if (checked.isErr()) return err(checked.error);
  const changeSetId = checked.value;
  const { startToken } = handle;
  const request = new $Ros.ExecuteChangeSetRequest({
    regionId: regionOf(session, handle),
    changeSetId,
    clientToken: startToken,
  });
  const stack = handle.scope.stackName ?? handle.scope.stackId ?? '';
  const executed = await callRos(
    session,
    { operation: 'ExecuteChangeSet', stack, send: () => session.client.executeChangeSet(request) },
    options,
  );
  if (executed.isErr()) return err(withClientToken(executed.error, startToken));
  return ok({
    provider: rosProviderId,
    changeSetId,
    ...(handle.region ? { region: handle.region } : {}),
    scope: handle.scope,
    startedAt: new Date().toISOString(),
    startToken,
    entities: handle.entities,
  });
}
