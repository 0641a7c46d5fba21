import * as $Ros from '@alicloud/ros20190910';
import type { CallOptions, ChangeSetHandle, JsonValue } from '@changeplane/core';
import { type RosStackBody, stackOutputs } from '../ros-change-set-state.js';
import type { RosSession } from '../ros-session.js';
import { callRos } from './call-ros.js';

/** The outputs of a change set's stack as it stands (GetStack); `undefined` when it has none or cannot be read. */
export async function getStackOutputs(
  session: RosSession,
  handle: ChangeSetHandle,
  options: CallOptions,
): Promise<Readonly<Record<string, JsonValue>> | undefined> {
  if (!handle.scope.stackId) return undefined;
  const request = new $Ros.GetStackRequest({ regionId: handle.region, stackId: handle.scope.stackId });
  const stack = await callRos(
    session,
    { operation: 'GetStack', stack: handle.scope.stackName ?? '', send: () => session.client.getStack(request) },
    options,
  );
  return stack.isOk() ? stackOutputs((stack.value.body ?? {}) as RosStackBody) : undefined;
}
