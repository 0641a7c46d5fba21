import * as $Ros from '@alicloud/ros20190910';
import type { CallOptions, ChangeSetError, ChangeSetRef } from '@changeplane/core';
import type { Result } from 'neverthrow';
import type { RosChangeSetBody } from '../ros-change-set-state.js';
import { type RosSession, regionOf } from '../ros-session.js';
import { callRos } from './call-ros.js';

/** GetChangeSet in the change set's own region: its body, as the adapter reads it. */
export async function getChangeSet(
  session: RosSession,
  ref: ChangeSetRef,
  options: CallOptions,
): Promise<Result<RosChangeSetBody, ChangeSetError>> {
  const request = new $Ros.GetChangeSetRequest({ regionId: regionOf(session, ref), changeSetId: ref.changeSetId });
  const got = await callRos(
    session,
    { operation: 'GetChangeSet', stack: ref.scope.stackName ?? '', send: () => session.client.getChangeSet(request) },
    options,
  );
  return got.map((response) => (response.body ?? {}) as RosChangeSetBody);
}
