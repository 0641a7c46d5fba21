import type { RosActionContext, RosAnswer } from './ros-action-context.js';

/** DeleteChangeSet */
export function deleteChangeSet({ state, params }: RosActionContext): RosAnswer {
  state.deleteChangeSet(params.get('RegionId'), params.get('ChangeSetId'));
  return {};
}
