import type { RosActionContext, RosAnswer } from './ros-action-context.js';

/** DeleteStack */
export function deleteStack({ state, params }: RosActionContext): RosAnswer {
  state.deleteStack(params.get('RegionId'), params.get('StackId'));
  return {};
}
