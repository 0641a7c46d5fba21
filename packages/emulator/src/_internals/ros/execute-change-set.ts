import type { RosActionContext, RosAnswer } from './ros-action-context.js';

/** ExecuteChangeSet */
export function executeChangeSet({ state, params }: RosActionContext): RosAnswer {
  state.executeChangeSet(params);
  return {};
}
