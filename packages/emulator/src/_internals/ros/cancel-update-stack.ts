import type { RosActionContext, RosAnswer } from './ros-action-context.js';

/** CancelUpdateStack */
export function cancelUpdateStack({ state, params }: RosActionContext): RosAnswer {
  state.cancelUpdateStack(params.get('RegionId'), params.get('StackId'));
  return {};
}
