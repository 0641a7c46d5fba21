import { planChangeSets, type ValidationIssue } from '@changeplane/core';
import type { RunTarget, TargetContext, TargetPlan } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import type { MarketplaceChangeEntry, MarketplacePlanSection } from '../../descriptor/marketplace-plan-section.js';
import type { MarketplaceChange, MarketplaceChangeSetRequest } from '../../marketplace-change-set-request.js';
import { marketplacePlanningPolicy } from '../../marketplace-planning-policy.js';
import { entityIdOf } from '../entity-id.js';
import { validateMarketplaceRequest } from '../validate-marketplace-request.js';

/** The documented StartChangeSet rate per account. */
const startsPerSecond = 5;

/**
 * `SaaSProduct@1.0/prod-abc`: what a host's scopes name. A change that creates its entity has no id yet: it is
 * `SaaSProduct@1.0/` followed by nothing, which a scope's `SaaSProduct@1.0/*` covers.
 */
function scopeTargetOf(change: MarketplaceChange): string {
  return `${change.entity.type}/${change.entity.identifier ? entityIdOf(change.entity.identifier) : ''}`;
}

function marketplaceChangeOf(entry: MarketplaceChangeEntry): MarketplaceChange {
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

/** `changes[2].details` of a set -> `changes[<index in the plan>].details` */
export function marketplacePlanPath(requestPath: string, changeIndexes: readonly number[]): string {
  const match = /^changes\[(\d+)\](.*)$/.exec(requestPath);
  if (!match) return requestPath;
  const original = changeIndexes[Number(match[1])];
  return `changes[${original ?? match[1]}]${match[2]}`;
}

/**
 * Packs the plan's changes into as few valid change sets as the planner can, in dependency order; sets
 * that share an entity run one after another. Every set is checked by the adapter's own rules.
 */
export function marketplaceTargets(
  section: MarketplacePlanSection,
  context: TargetContext,
): Result<TargetPlan<MarketplaceChangeSetRequest>, ValidationIssue[]> {
  const changes = section.changes.map(marketplaceChangeOf);
  const planned = planChangeSets(changes, marketplacePlanningPolicy);
  if (planned.isErr()) {
    return err(planned.error.issues.map((issue) => ({ ...issue, path: marketplacePlanPath(issue.path, []) })));
  }
  const issues: ValidationIssue[] = [];
  const total = planned.value.sets.length;
  const prefix = section.changeSetName ?? context.planName ?? 'changeplane';
  const targets = planned.value.sets.map((set): RunTarget<MarketplaceChangeSetRequest> => {
    const request: MarketplaceChangeSetRequest = {
      catalog: section.catalog,
      changes: set.changeIndexes.map((index) => changes[index]!),
      changeSetName: total === 1 ? prefix : `${prefix} ${set.index + 1} of ${total}`,
    };
    const checked = validateMarketplaceRequest(request);
    if (checked.isErr()) {
      for (const issue of checked.error.issues)
        issues.push({ ...issue, path: marketplacePlanPath(issue.path, set.changeIndexes) });
    }
    return {
      task: `marketplace:${set.index + 1}`,
      label: `marketplace set ${set.index + 1}/${total}`,
      request,
      conflictKeys: set.entities,
      changeCount: set.changeIndexes.length,
      scopeTargets: [...new Set(request.changes.map(scopeTargetOf))],
    };
  });
  // The same problem found in several sets is reported once.
  const unique = [...new Map(issues.map((issue) => [`${issue.path}|${issue.rule}|${issue.message}`, issue])).values()];
  if (unique.length > 0) return err(unique);
  return ok({ targets, concurrency: section.concurrency, startsPerSecond });
}
