import type { RosChangeSet, RosStack } from './ros-records.js';
import { evaluateOutputs } from './template/evaluate-outputs.js';
import { pseudoParameterValues } from './template/pseudo-parameters.js';
import type { RosTemplate } from './template/ros-template.js';
import { declaredResources } from './template/template-changes.js';
import { isTerraformTransform } from './template/terraform-workspace.js';

/** Template text fields are strings in the SDK model: an i18n mapping (`{en: ..., zh-cn: ...}`) is sent as JSON. */
const asText = (value: unknown) =>
  value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);

/** `NoEcho` parameters read `****`, as the service masks them. */
function parameterList(template: RosTemplate | undefined, values: Record<string, string>, stack: RosStack) {
  const declared = template?.Parameters ?? {};
  const pseudo = pseudoParameterValues({ stackId: stack.id, stackName: stack.name, regionId: stack.regionId });
  return [
    ...Object.entries(values).map(([ParameterKey, value]) => {
      const noEcho = String(declared[ParameterKey]?.NoEcho).toLowerCase() === 'true';
      return { ParameterKey, ParameterValue: noEcho ? '****' : value };
    }),
    ...Object.entries(pseudo).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
  ];
}

const terraformLog = (template: RosTemplate | undefined, command: 'plan' | 'apply') => {
  if (!isTerraformTransform(template?.Transform)) return undefined;
  const count = declaredResources(template).size;
  const content =
    command === 'plan'
      ? `Plan: ${count} to add, 0 to change, 0 to destroy.`
      : `Apply complete! Resources: ${count} added, 0 changed, 0 destroyed.`;
  return { TerraformLogs: [{ Command: command, Stream: 'stdout', Content: content }] };
};

/** GetChangeSet's answer: every member of the SDK 3.7.0 `GetChangeSetResponseBody` the change set has. */
export function changeSetBody(changeSet: RosChangeSet, stack: RosStack, showTemplate: boolean) {
  const log = terraformLog(changeSet.template, 'plan');
  return {
    ...changeSetSummary(changeSet, stack),
    Changes: changeSet.changes,
    Parameters: parameterList(changeSet.template, changeSet.parameters, stack),
    DisableRollback: changeSet.disableRollback,
    ...(changeSet.timeoutInMinutes !== undefined ? { TimeoutInMinutes: changeSet.timeoutInMinutes } : {}),
    ...(log ? { Log: log } : {}),
    ...(showTemplate ? { TemplateBody: changeSet.templateBody } : {}),
  };
}

/** One item of ListChangeSets (`ListChangeSetsResponseBodyChangeSets`). */
export function changeSetSummary(changeSet: RosChangeSet, stack: RosStack) {
  return {
    ChangeSetId: changeSet.id,
    ChangeSetName: changeSet.name,
    ChangeSetType: changeSet.type,
    StackId: stack.id,
    StackName: stack.name,
    RegionId: changeSet.regionId,
    Status: changeSet.status,
    ExecutionStatus: changeSet.executionStatus,
    ...(changeSet.statusReason ? { StatusReason: changeSet.statusReason } : {}),
    CreateTime: changeSet.createTime,
    ...(changeSet.description !== undefined ? { Description: changeSet.description } : {}),
    ResourceGroupId: changeSet.resourceGroupId,
    Tags: changeSet.tags,
  };
}

/** One item of ListStacks (`ListStacksResponseBodyStacks`). */
export function stackSummary(stack: RosStack) {
  return {
    StackId: stack.id,
    StackName: stack.name,
    StackType: isTerraformTransform(stack.template?.Transform) ? 'Terraform' : 'ROS',
    RegionId: stack.regionId,
    Status: stack.status,
    ...(stack.statusReason ? { StatusReason: stack.statusReason } : {}),
    CreateTime: stack.createTime,
    ...(stack.updateTime ? { UpdateTime: stack.updateTime } : {}),
    DisableRollback: stack.disableRollback,
    TimeoutInMinutes: stack.timeoutInMinutes,
    ResourceGroupId: stack.resourceGroupId,
    DeletionProtection: 'Disabled',
    ServiceManaged: false,
    Tags: stack.tags,
  };
}

/**
 * GetStack's answer (`GetStackResponseBody`): the summary plus Outputs (evaluated once the stack exists),
 * Parameters with the pseudo parameters, NotificationURLs, RamRoleName, Description and TemplateDescription
 * (the template's), the template's source, Terraform logs, and ResourceProgress when asked.
 */
export function stackBody(
  stack: RosStack,
  options: {
    resourceProgress: 'Disabled' | 'PercentageOnly' | 'EnabledIfCreateStack';
    showOutputs: boolean;
    showLogs: boolean;
  },
) {
  const template = stack.template;
  // The stack's template is the last one executed: outputs exist once an execution completed.
  const outputs =
    template && options.showOutputs
      ? evaluateOutputs({
          template,
          parameters: stack.parameters,
          pseudo: pseudoParameterValues({ stackId: stack.id, stackName: stack.name, regionId: stack.regionId }),
          stackId: stack.id,
        })
      : undefined;
  const description = asText(template?.Description);
  const total = declaredResources(template).size;
  const done = stack.status.endsWith('_COMPLETE') && !stack.status.includes('ROLLBACK');
  const log = terraformLog(template, 'apply');
  const percent = done ? 100 : 0;
  return {
    ...stackSummary(stack),
    ...(description !== undefined ? { Description: description, TemplateDescription: description } : {}),
    Parameters: parameterList(template, stack.parameters, stack),
    ...(outputs ? { Outputs: outputs } : {}),
    NotificationURLs: stack.notificationURLs,
    ...(stack.ramRoleName !== undefined ? { RamRoleName: stack.ramRoleName } : {}),
    ...(stack.templateSource.templateId !== undefined ? { TemplateId: stack.templateSource.templateId } : {}),
    ...(stack.templateSource.templateVersion !== undefined
      ? { TemplateVersion: stack.templateSource.templateVersion }
      : {}),
    ...(stack.templateSource.templateURL !== undefined ? { TemplateURL: stack.templateSource.templateURL } : {}),
    ...(stack.templateSource.templateScratchId !== undefined
      ? { TemplateScratchId: stack.templateSource.templateScratchId }
      : {}),
    ...(log && done && options.showLogs ? { Log: log } : {}),
    ...(stack.operationInfo ? { OperationInfo: stack.operationInfo } : {}),
    ...(options.resourceProgress === 'PercentageOnly'
      ? { ResourceProgress: { StackOperationProgress: percent, StackActionProgress: percent } }
      : {}),
    // EnabledIfCreateStack: the counts, during stack creation only (CREATE_* statuses).
    ...(options.resourceProgress === 'EnabledIfCreateStack' && stack.status.startsWith('CREATE_')
      ? {
          ResourceProgress: {
            TotalResourceCount: total,
            SuccessResourceCount: done ? total : 0,
            FailedResourceCount: stack.status.endsWith('_FAILED') ? total : 0,
            InProgressResourceCount: stack.status.endsWith('_IN_PROGRESS') ? total : 0,
            PendingResourceCount: 0,
            StackActionProgress: percent,
            StackOperationProgress: percent,
            InProgressResourceDetails: [],
          },
        }
      : {}),
  };
}
