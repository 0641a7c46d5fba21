import type { RosActionContext, RosAnswer } from './ros-action-context.js';
import { RosError } from './ros-error.js';
import { rosPageOf } from './ros-page-of.js';
import { changeSetSummary } from './ros-responses.js';

/** ListChangeSets: one stack's change sets (StackId required), filtered by name, Status and ExecutionStatus. */
export function listChangeSets({ state, params }: RosActionContext): RosAnswer {
  const stackId = params.get('StackId');
  if (!stackId) throw RosError.missing('StackId');
  const regionId = params.get('RegionId');
  const stack = state.getStack(regionId, stackId);
  const names = params.strings('ChangeSetName');
  const statuses = params.strings('Status');
  const executionStatuses = params.strings('ExecutionStatus');
  const items = state
    .liveChangeSetsOf(regionId, stack.id)
    .filter(
      (changeSet) =>
        (names.length === 0 || names.includes(changeSet.name)) &&
        (statuses.length === 0 || statuses.includes(changeSet.status)) &&
        (executionStatuses.length === 0 || executionStatuses.includes(changeSet.executionStatus)),
    );
  const { page, ...paging } = rosPageOf(items, params);
  return { ChangeSets: page.map((changeSet) => changeSetSummary(changeSet, stack)), ...paging };
}
