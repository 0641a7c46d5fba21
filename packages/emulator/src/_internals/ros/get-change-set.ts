import type { RosActionContext, RosAnswer } from './ros-action-context.js';
import { changeSetBody } from './ros-responses.js';

/** GetChangeSet (ShowTemplate adds the template body) */
export function getChangeSet({ state, params }: RosActionContext): RosAnswer {
  const changeSet = state.getChangeSet(params.get('ChangeSetId'));
  return changeSetBody(changeSet, state.getStack(changeSet.stackId), params.boolean('ShowTemplate') ?? false);
}
