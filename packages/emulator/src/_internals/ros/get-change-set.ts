import type { RosActionContext, RosAnswer } from './ros-action-context.js';
import { changeSetBody } from './ros-responses.js';

/** GetChangeSet (ShowTemplate adds the template body) */
export function getChangeSet({ state, params }: RosActionContext): RosAnswer {
  const regionId = params.get('RegionId');
  const changeSet = state.getChangeSet(regionId, params.get('ChangeSetId'));
  return changeSetBody(changeSet, state.getStack(regionId, changeSet.stackId), params.boolean('ShowTemplate') ?? false);
}
