import {
  type MarketplaceChange,
  type MarketplaceChangeSetRequest,
  marketplacePlanningPolicy,
} from '@changeplane/aws-marketplace';
import {
  type ChangeSetProvider,
  type ChangeSetRegistry,
  planChangeSets,
  type ValidationIssue,
} from '@changeplane/core';
import type { RosChangeSetRequest } from '@changeplane/ros';
import { err, ok, type Result } from 'neverthrow';
import type { PlanFileIssue } from '../plan-file/plan-file-issue.js';
import type { MarketplaceChangeEntry, PlanFile, RosStackEntry } from '../plan-file/plan-file-schema.js';
import type { MarketplaceTarget, RosTarget, RunTargets } from './run-targets.js';

// Request fields whose names differ in the plan file.
const rosFieldInPlan: Record<string, string> = {
  templateBody: 'template',
  stackName: 'name',
  stackPolicyBody: 'stackPolicy',
};

function rosRequest(entry: RosStackEntry, regionId: string, runId: string): RosChangeSetRequest {
  const changeSetType = entry.changeSetType ?? (entry.stackId ? 'UPDATE' : 'CREATE');
  return {
    changeSetType,
    regionId,
    changeSetName: entry.changeSetName ?? `changeplane-${runId}`,
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
    timeoutInMinutes: entry.timeoutInMinutes ?? (changeSetType === 'CREATE' ? 60 : undefined),
    ...(entry.disableRollback !== undefined ? { disableRollback: entry.disableRollback } : {}),
    ...(entry.notificationURLs ? { notificationURLs: entry.notificationURLs } : {}),
    ...(entry.stackPolicy !== undefined ? { stackPolicyBody: entry.stackPolicy } : {}),
    ...(entry.ramRoleName ? { ramRoleName: entry.ramRoleName } : {}),
    ...(entry.replacementOption ? { replacementOption: entry.replacementOption } : {}),
    ...(entry.parallelism !== undefined ? { parallelism: entry.parallelism } : {}),
    ...(entry.tags ? { tags: Object.entries(entry.tags).map(([key, value]) => ({ key, value })) } : {}),
    ...(entry.description ? { description: entry.description } : {}),
  };
}

function marketplaceChange(entry: MarketplaceChangeEntry): MarketplaceChange {
  return {
    changeType: entry.changeType,
    entity: entry.entity,
    ...(entry.details !== undefined ? { details: entry.details } : {}),
    ...(entry.changeName ? { changeName: entry.changeName } : {}),
    ...(entry.entityTags
      ? { entityTags: Object.entries(entry.entityTags).map(([key, value]) => ({ key, value })) }
      : {}),
  };
}

/** `changes[2].details` of set n -> `marketplace.changes[<index in the plan>].details` */
function marketplacePath(path: string, changeIndexes: readonly number[]): string {
  const match = /^changes\[(\d+)\](.*)$/.exec(path);
  if (!match) return `marketplace.${path}`;
  const original = changeIndexes[Number(match[1])];
  return `marketplace.changes[${original ?? match[1]}]${match[2]}`;
}

function resolve<Request>(registry: ChangeSetRegistry, id: string): ChangeSetProvider<Request> {
  return registry.get<Request>(id)._unsafeUnwrap();
}

/**
 * Turns a plan file into the change sets to run: one per ROS stack, and as few Marketplace sets as the
 * planner can pack the changes into. Every target is checked by its provider's own rules here, before
 * anything is sent; problems are reported with the plan file's field paths.
 */
export function buildRunTargets(
  plan: PlanFile,
  file: string,
  registry: ChangeSetRegistry,
  runId: string,
): Result<RunTargets, PlanFileIssue[]> {
  const issues: PlanFileIssue[] = [];
  const toIssue = (path: string) => (issue: ValidationIssue) => ({
    file,
    path,
    message: issue.message,
    rule: issue.rule,
  });

  const ros: RosTarget[] = [];
  if (plan.ros) {
    const provider = resolve<RosChangeSetRequest>(registry, 'alibaba-ros');
    plan.ros.stacks.forEach((entry, index) => {
      const request = rosRequest(entry, plan.ros!.regionId, runId);
      const checked = provider.validate(request);
      if (checked.isErr()) {
        for (const issue of checked.error.issues) {
          const [head, ...rest] = issue.path.split(/(?=[.[])/);
          const field = [rosFieldInPlan[head ?? ''] ?? head, ...rest].join('');
          issues.push(toIssue(`ros.stacks[${index}].${field}`)(issue));
        }
      }
      ros.push({ task: `ros:${entry.name}`, label: `ros stack ${entry.name}`, request });
    });
  }

  const marketplace: MarketplaceTarget[] = [];
  let marketplacePlan: RunTargets['marketplacePlan'];
  if (plan.marketplace) {
    const section = plan.marketplace;
    const provider = resolve<MarketplaceChangeSetRequest>(registry, 'aws-marketplace');
    const changes = section.changes.map(marketplaceChange);
    const planned = planChangeSets(changes, marketplacePlanningPolicy);
    if (planned.isErr()) {
      for (const issue of planned.error.issues) issues.push(toIssue(marketplacePath(issue.path, []))(issue));
    } else {
      marketplacePlan = planned.value;
      const total = planned.value.sets.length;
      const prefix = section.changeSetName ?? plan.name ?? 'changeplane';
      for (const set of planned.value.sets) {
        const request: MarketplaceChangeSetRequest = {
          catalog: section.catalog,
          changes: set.changeIndexes.map((index) => changes[index]!),
          changeSetName: total === 1 ? prefix : `${prefix} ${set.index + 1} of ${total}`,
        };
        const checked = provider.validate(request);
        if (checked.isErr()) {
          for (const issue of checked.error.issues)
            issues.push(toIssue(marketplacePath(issue.path, set.changeIndexes))(issue));
        }
        marketplace.push({
          task: `marketplace:${set.index + 1}`,
          label: `marketplace set ${set.index + 1}/${total} (${set.changeIndexes.length} changes)`,
          set,
          request,
        });
      }
    }
  }

  // The same problem found in several sets is reported once.
  const unique = [...new Map(issues.map((issue) => [`${issue.path}|${issue.rule}|${issue.message}`, issue])).values()];
  if (unique.length > 0) return err(unique);
  return ok({ ros, marketplace, marketplacePlan, marketplaceConcurrency: plan.marketplace?.concurrency ?? 10 });
}
