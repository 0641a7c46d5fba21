import { randomUUID } from 'node:crypto';
import type { SeededStack } from '../../ros/ros-seed.js';
import { InvalidSeedError } from '../../shared/seed-issue.js';
import { defaultResourceGroupId, type RosStack, rosTime } from './ros-records.js';
import { parseRosTemplate } from './template/ros-template.js';

/** The stack a seed entry stands for, as if a CREATE change set had made it (InvalidSeedError for a bad template). */
export function stackFromSeed(seeded: SeededStack, index: number): RosStack {
  const templateBody =
    typeof seeded.template === 'string' ? seeded.template : JSON.stringify(seeded.template, undefined, 2);
  let template: RosStack['template'];
  try {
    template = parseRosTemplate(templateBody);
  } catch (error) {
    throw new InvalidSeedError([{ path: `stacks[${index}].template`, message: (error as Error).message }]);
  }
  const status = seeded.status ?? 'CREATE_COMPLETE';
  const reviewOnly = status === 'REVIEW_IN_PROGRESS';
  return {
    id: seeded.stackId ?? randomUUID(),
    name: seeded.stackName,
    regionId: seeded.regionId,
    status,
    ...(seeded.statusReason !== undefined ? { statusReason: seeded.statusReason } : {}),
    // A stack still in review holds no template yet.
    ...(reviewOnly ? {} : { template, templateBody }),
    templateSource: {},
    parameters: { ...seeded.parameters },
    createTime: rosTime(),
    timeoutInMinutes: 60,
    disableRollback: false,
    tags: [],
    notificationURLs: [],
    resourceGroupId: defaultResourceGroupId,
  };
}
