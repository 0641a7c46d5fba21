import { planContentHash } from '@changeplane/core';
import type { CheckedPlan, PlanTarget } from '@changeplane/server';
import type { PlanFile } from '../../plan-file/plan-file-schema.js';
import type { ProviderPlan } from '../run/provider-run.js';

/** A lock key of the host's queue: the provider's id and a target's conflict key (`aws-marketplace:SaaSProduct@1.0/prod-a`). */
export function lockKeyOf(provider: string, conflictKey: string): string {
  return `${provider}:${conflictKey}`;
}

/** What the host needs to know of a checked plan: its targets for scopes, its locks, its size. */
export function checkedPlanOf(plan: PlanFile, plans: readonly ProviderPlan[]): CheckedPlan {
  const targets = new Map<string, PlanTarget>();
  const locks = new Set<string>();
  let changeSets = 0;
  let changes = 0;
  for (const { descriptor, plan: targetPlan } of plans) {
    for (const target of targetPlan.targets) {
      changeSets += 1;
      changes += target.changeCount;
      for (const scopeTarget of target.scopeTargets)
        targets.set(`${descriptor.id}:${scopeTarget}`, { provider: descriptor.id, target: scopeTarget });
      for (const key of target.conflictKeys) locks.add(lockKeyOf(descriptor.id, key));
    }
  }
  return {
    document: plan,
    digest: planContentHash(plan),
    targets: [...targets.values()],
    locks: [...locks].sort(),
    changeSets,
    changes,
  };
}
