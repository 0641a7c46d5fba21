import type { ValidationIssue } from '@changeplane/core';
import type { RunTarget, TargetContext, TargetPlan } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import type { RosPlanSection, RosStackEntry } from '../../descriptor/ros-plan-section.js';
import type { RosChangeSetRequest } from '../../ros-change-set-request.js';
import { validateRosRequest } from '../validate-ros-request.js';

export const defaultRosRegion = 'cn-hangzhou';

// Request fields whose names differ in the plan file.
const planFieldOf: Readonly<Record<string, string>> = {
  templateBody: 'template',
  stackName: 'name',
  stackPolicyBody: 'stackPolicy',
};

/** `templateBody.Resources` of stack 2 -> `stacks[2].template.Resources` */
export function rosPlanPath(stackIndex: number, requestPath: string): string {
  const [head = '', ...rest] = requestPath.split(/(?=[.[])/);
  return `stacks[${stackIndex}].${[planFieldOf[head] ?? head, ...rest].join('')}`;
}

/** A plan file's stack as a CreateChangeSet request (type, name and timeout defaults filled in). */
function rosRequestOf(entry: RosStackEntry, regionId: string, context: TargetContext): RosChangeSetRequest {
  // Without a type or stackId the adapter looks the stack up by name: CREATE when absent, UPDATE when there.
  const changeSetType = entry.changeSetType ?? (entry.stackId ? 'UPDATE' : undefined);
  // ROS requires a timeout for CREATE (which a lookup may choose); an hour is the console's default.
  const timeoutInMinutes = entry.timeoutInMinutes ?? (changeSetType === 'UPDATE' ? undefined : 60);
  return {
    ...(changeSetType ? { changeSetType } : {}),
    regionId,
    changeSetName: entry.changeSetName ?? `changeplane-${context.runId}`,
    ...(changeSetType === 'UPDATE' ? {} : { stackName: entry.name }),
    ...(entry.stackId ? { stackId: entry.stackId } : {}),
    ...(entry.template !== undefined ? { templateBody: entry.template } : {}),
    ...(entry.templateURL ? { templateURL: entry.templateURL } : {}),
    ...(entry.templateId ? { templateId: entry.templateId } : {}),
    ...(entry.templateVersion ? { templateVersion: entry.templateVersion } : {}),
    ...(entry.parameters
      ? { parameters: Object.fromEntries(Object.entries(entry.parameters).map(([key, value]) => [key, String(value)])) }
      : {}),
    ...(entry.usePreviousParameters !== undefined ? { usePreviousParameters: entry.usePreviousParameters } : {}),
    ...(timeoutInMinutes !== undefined ? { timeoutInMinutes } : {}),
    ...(entry.disableRollback !== undefined ? { disableRollback: entry.disableRollback } : {}),
    ...(entry.notificationURLs ? { notificationURLs: entry.notificationURLs } : {}),
    ...(entry.stackPolicy !== undefined ? { stackPolicyBody: entry.stackPolicy } : {}),
    ...(entry.ramRoleName ? { ramRoleName: entry.ramRoleName } : {}),
    ...(entry.replacementOption ? { replacementOption: entry.replacementOption } : {}),
    ...(entry.parallelism !== undefined ? { parallelism: entry.parallelism } : {}),
    ...(entry.tags ? { tags: Object.entries(entry.tags).map(([key, value]) => ({ key, value })) } : {}),
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.resourceGroupId ? { resourceGroupId: entry.resourceGroupId } : {}),
    ...(entry.taintResources ? { taintResources: entry.taintResources } : {}),
  };
}

/**
 * One change set per stack. Two entries for the same stack share a conflict key, so the second runs after
 * the first succeeded. Every request is checked by the adapter's own rules, with plan-file paths.
 */
export function rosTargets(
  section: RosPlanSection,
  context: TargetContext,
  regionFallback: string = defaultRosRegion,
): Result<TargetPlan<RosChangeSetRequest>, ValidationIssue[]> {
  const regionId = section.regionId ?? regionFallback;
  const issues: ValidationIssue[] = [];
  const targets: RunTarget<RosChangeSetRequest>[] = section.stacks.map((entry, index) => {
    const request = rosRequestOf(entry, regionId, context);
    const checked = validateRosRequest(request);
    if (checked.isErr()) {
      for (const issue of checked.error.issues) issues.push({ ...issue, path: rosPlanPath(index, issue.path) });
    }
    return {
      task: `ros:${entry.name}`,
      label: `ros stack ${entry.name}`,
      request,
      // A stack is one per name and region: the region keeps two regions' stacks of one name apart.
      conflictKeys: [`stack:${regionId}:${entry.stackId ?? entry.name}`],
      changeCount: 1,
      scopeTargets: [entry.name],
    };
  });
  const tasks = new Set<string>();
  section.stacks.forEach((entry, index) => {
    if (tasks.has(entry.name))
      issues.push({ path: `stacks[${index}].name`, rule: 'unique', message: `stack ${entry.name} is named twice` });
    tasks.add(entry.name);
  });
  if (issues.length > 0) return err(issues);
  // Stacks are independent; ROS takes them all at once.
  return ok({ targets, concurrency: Math.max(1, targets.length) });
}
