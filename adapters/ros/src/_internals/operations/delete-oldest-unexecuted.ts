import * as $Ros from '@alicloud/ros20190910';
import { type CallOptions, type ChangeSetError } from '@changeplane/core';
import { createChangeSetError } from '@changeplane/core/adapter';
import { err, type Result } from 'neverthrow';
import { rosProviderId } from '../ros-provider-id.js';
import type { RosSession } from '../ros-session.js';
import { callRos } from './call-ros.js';

type ListedChangeSet = $Ros.ListChangeSetsResponseBodyChangeSets;

/** Never executed and not in progress: DeleteChangeSet accepts it. */
const deletable = (changeSet: ListedChangeSet) =>
  ['CREATE_COMPLETE', 'CREATE_FAILED', 'DELETE_FAILED'].includes(changeSet.status ?? '') &&
  ['AVAILABLE', 'UNAVAILABLE'].includes(changeSet.executionStatus ?? '');

/** Makes room under the 20-change-set limit: deletes the oldest change set of the stack never executed. */
export async function deleteOldestUnexecuted(
  session: RosSession,
  stack: { readonly stackId: string; readonly regionId: string },
  options: CallOptions,
): Promise<Result<void, ChangeSetError>> {
  const { stackId, regionId } = stack;
  const listed = await callRos(
    session,
    {
      operation: 'ListChangeSets',
      stack: stackId,
      send: () => session.client.listChangeSets(new $Ros.ListChangeSetsRequest({ regionId, stackId, pageSize: 50 })),
    },
    options,
  );
  if (listed.isErr()) return err(listed.error);
  const oldest = (listed.value.body?.changeSets ?? [])
    .filter(deletable)
    .sort((a, b) => (a.createTime ?? '').localeCompare(b.createTime ?? ''))[0];
  if (!oldest?.changeSetId) {
    return err(
      createChangeSetError('quota-exceeded', {
        provider: rosProviderId,
        operation: 'create',
        message: 'the stack holds 20 change sets and none of them can be deleted (all executed or in progress)',
        limit: '20 change sets per stack',
      }),
    );
  }
  const request = new $Ros.DeleteChangeSetRequest({ regionId, changeSetId: oldest.changeSetId });
  const deleted = await callRos(
    session,
    { operation: 'DeleteChangeSet', stack: stackId, send: () => session.client.deleteChangeSet(request) },
    options,
  );
  return deleted.map(() => undefined);
}
