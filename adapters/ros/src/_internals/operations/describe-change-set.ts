import * as $Ros from '@alicloud/ros20190910';
import type { CallOptions, ChangeSetError, ChangeSetRef, ChangeSetState } from '@changeplane/core';
import { err, ok, type Result } from 'neverthrow';
import { type RosStackBody, rosChangeSetState } from '../ros-change-set-state.js';
import { type RosSession, regionOf } from '../ros-session.js';
import { callRos } from './call-ros.js';
import { getChangeSet } from './get-change-set.js';

/** The change set, then (once executed) its stack, both in the change set's region: the neutral state. */
export async function describeChangeSet(
  session: RosSession,
  ref: ChangeSetRef,
  options: CallOptions,
): Promise<Result<ChangeSetState, ChangeSetError>> {
  const got = await getChangeSet(session, ref, options);
  if (got.isErr()) return err(got.error);
  const changeSet = got.value;
  if (!changeSet.executionStatus?.startsWith('EXECUTE')) return ok(rosChangeSetState(ref, changeSet));
  const request = new $Ros.GetStackRequest({
    regionId: regionOf(session, ref),
    stackId: changeSet.stackId ?? ref.scope.stackId,
  });
  const stack = await callRos(
    session,
    { operation: 'GetStack', stack: ref.scope.stackName ?? '', send: () => session.client.getStack(request) },
    options,
  );
  return stack.map((found) => rosChangeSetState(ref, changeSet, (found.body ?? {}) as RosStackBody, session.redactor));
}
