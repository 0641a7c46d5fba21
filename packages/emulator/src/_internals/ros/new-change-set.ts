import { randomUUID } from 'node:crypto';
import {
  defaultResourceGroupId,
  type RosChangeSet,
  type RosStack,
  type RosTemplateSource,
  rosTime,
} from './ros-records.js';
import type { RosRequestParameters } from './ros-request-parameters.js';
import type { RosChangeSetType } from './ros-statuses.js';
import type { RosTemplate } from './template/ros-template.js';

/** The stack a CREATE change set makes: REVIEW_IN_PROGRESS, empty, until the change set is executed. */
export function newReviewStack(params: RosRequestParameters): RosStack {
  return {
    id: randomUUID(),
    name: params.get('StackName')!,
    regionId: params.get('RegionId')!,
    status: 'REVIEW_IN_PROGRESS',
    parameters: {},
    templateSource: {},
    createTime: rosTime(),
    timeoutInMinutes: params.integer('TimeoutInMinutes') ?? 60,
    disableRollback: params.boolean('DisableRollback') ?? false,
    tags: [],
    notificationURLs: [],
    resourceGroupId: params.get('ResourceGroupId') ?? defaultResourceGroupId,
  };
}

/** Where the template came from; TemplateVersion takes effect only with TemplateId, TemplateScratchId only with IMPORT. */
function templateSourceOf(params: RosRequestParameters, type: RosChangeSetType): RosTemplateSource {
  return {
    ...(params.has('TemplateId') ? { templateId: params.get('TemplateId')! } : {}),
    ...(params.has('TemplateId') && params.has('TemplateVersion')
      ? { templateVersion: params.get('TemplateVersion')! }
      : {}),
    ...(params.has('TemplateURL') ? { templateURL: params.get('TemplateURL')! } : {}),
    ...(type === 'IMPORT' && params.has('TemplateScratchId')
      ? { templateScratchId: params.get('TemplateScratchId')! }
      : {}),
  };
}

/** What CreateChangeSet computed before the change set is made. */
export interface ChangeSetInputs {
  readonly type: RosChangeSetType;
  readonly template: RosTemplate;
  readonly templateBody: string;
  readonly parameters: Record<string, string>;
}

/** A new change set on `stack`, CREATE_PENDING/UNAVAILABLE, from the request's parameters. */
export function newChangeSet(params: RosRequestParameters, stack: RosStack, inputs: ChangeSetInputs): RosChangeSet {
  const { type } = inputs;
  // Parallelism takes effect only with CREATE or UPDATE; DisableRollback only with CREATE or IMPORT.
  const parallelism = type === 'IMPORT' ? undefined : params.integer('Parallelism');
  const disableRollback =
    type === 'UPDATE' ? stack.disableRollback : (params.boolean('DisableRollback') ?? stack.disableRollback);
  return {
    id: randomUUID(),
    name: params.get('ChangeSetName')!,
    stackId: stack.id,
    type,
    regionId: params.get('RegionId')!,
    status: 'CREATE_PENDING',
    executionStatus: 'UNAVAILABLE',
    changes: [],
    template: inputs.template,
    templateBody: inputs.templateBody,
    parameters: inputs.parameters,
    createTime: rosTime(),
    ...(params.get('Description') ? { description: params.get('Description')! } : {}),
    ...(params.has('TimeoutInMinutes') ? { timeoutInMinutes: params.integer('TimeoutInMinutes')! } : {}),
    disableRollback,
    tags: params.objects('Tags').map((tag) => ({
      Key: tag.Key!,
      ...(tag.Value !== undefined ? { Value: tag.Value } : {}),
    })),
    notificationURLs: params.strings('NotificationURLs'),
    ...(params.has('RamRoleName') ? { ramRoleName: params.get('RamRoleName')! } : {}),
    resourceGroupId: params.get('ResourceGroupId') ?? stack.resourceGroupId,
    templateSource: templateSourceOf(params, type),
    ...(parallelism !== undefined ? { parallelism } : {}),
  };
}
