import type { RosActionContext, RosAnswer } from './ros-action-context.js';
import { rosPageOf } from './ros-page-of.js';
import { stackSummary } from './ros-responses.js';

/** ListStacks: the stacks not deleted, filtered by StackName and Status. */
export function listStacks({ state, params }: RosActionContext): RosAnswer {
  const names = params.strings('StackName');
  const statuses = params.strings('Status');
  const items = state
    .stacks(params.get('RegionId'))
    .filter(
      (stack) =>
        stack.status !== 'DELETE_COMPLETE' &&
        (names.length === 0 || names.includes(stack.name)) &&
        (statuses.length === 0 || statuses.includes(stack.status)),
    );
  const { page, ...paging } = rosPageOf(items, params);
  return { Stacks: page.map(stackSummary), ...paging };
}
