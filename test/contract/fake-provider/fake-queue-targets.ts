import { planChangeSets, type ValidationIssue } from '@changeplane/core';
import type { TargetContext, TargetPlan } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import { fakeQueuePlanningPolicy } from './fake-queue-planning-policy.js';
import type { FakeQueueRequest } from './fake-queue-request.js';
import type { FakeQueueSection } from './fake-queue-section.js';
import { validateFakeQueueRequest } from './validate-fake-queue-request.js';

/** The section's changes packed by core's planner under the fake's policy, each set checked by its rules. */
export function fakeQueueTargets(
  section: FakeQueueSection,
  context: TargetContext,
): Result<TargetPlan<FakeQueueRequest>, ValidationIssue[]> {
  const planned = planChangeSets(section.changes, fakeQueuePlanningPolicy);
  if (planned.isErr()) return err([...planned.error.issues]);
  const prefix = section.changeSetName ?? context.planName ?? 'changeplane';
  const issues: ValidationIssue[] = [];
  const targets = planned.value.sets.map((set) => {
    const request: FakeQueueRequest = {
      name: `${prefix}-${set.index + 1}`,
      changes: set.changeIndexes.map((index) => section.changes[index]!),
    };
    const checked = validateFakeQueueRequest(request);
    if (checked.isErr()) issues.push(...checked.error.issues);
    return {
      task: `queues:${set.index + 1}`,
      label: `queue set ${set.index + 1}/${planned.value.sets.length}`,
      request,
      conflictKeys: set.entities,
      changeCount: set.changeIndexes.length,
      scopeTargets: set.entities,
    };
  });
  return issues.length > 0 ? err(issues) : ok({ targets, concurrency: 2 });
}
