import type { RosActionContext, RosAnswer } from './ros-action-context.js';

/** CreateChangeSet */
export function createChangeSet({ state, params }: RosActionContext): RosAnswer {
  const created = state.createChangeSet(params);
  return { ChangeSetId: created.changeSetId, StackId: created.stackId };
}
