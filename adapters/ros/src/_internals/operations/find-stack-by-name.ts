import * as $Ros from '@alicloud/ros20190910';
import type { CallOptions, ChangeSetError } from '@changeplane/core';
import type { Result } from 'neverthrow';
import type { RosSession } from '../ros-session.js';
import { callRos } from './call-ros.js';

/** A stack ListStacks found by its name. */
export interface FoundStack {
  readonly stackId: string;
  readonly status: string;
}

/**
 * ListStacks with the StackName filter in the region: the stack of that name, or undefined when there is
 * none (a deleted stack is not listed, so its name is free again). Names are unique among a region's stacks.
 */
export async function findStackByName(
  session: RosSession,
  target: { readonly regionId: string; readonly stackName: string },
  options: CallOptions,
): Promise<Result<FoundStack | undefined, ChangeSetError>> {
  const { regionId, stackName } = target;
  const request = new $Ros.ListStacksRequest({ regionId, stackName: [stackName], pageSize: 10 });
  const listed = await callRos(
    session,
    { operation: 'ListStacks', stack: stackName, send: () => session.client.listStacks(request) },
    options,
  );
  return listed.map((response) => {
    const stack = (response.body?.stacks ?? []).find((item) => item.stackName === stackName && item.stackId);
    return stack ? { stackId: stack.stackId!, status: stack.status ?? '' } : undefined;
  });
}
