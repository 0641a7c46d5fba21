import { err, ok, type Result } from 'neverthrow';
import type { PlanFileIssue } from '../../plan-file/plan-file-issue.js';
import type { PlanFile } from '../../plan-file/plan-file-schema.js';
import type { LoadedProvider } from '../../providers/loaded-provider.js';
import type { ProviderPlan } from './provider-run.js';

export interface BuildContext {
  readonly file: string;
  readonly runId: string;
  /** Each provider's option values (flags, else environment), by provider id. */
  readonly options: (providerId: string) => Readonly<Record<string, string | undefined>>;
}

/**
 * Turns each section of a checked plan into its provider's targets, every one checked by the provider's own
 * rules before anything is sent. Problems carry the plan file's field paths.
 */
export function buildProviderPlans(
  plan: PlanFile,
  providers: readonly LoadedProvider[],
  context: BuildContext,
): Result<ProviderPlan[], PlanFileIssue[]> {
  const issues: PlanFileIssue[] = [];
  const plans: ProviderPlan[] = [];
  for (const provider of providers) {
    const key = provider.descriptor.planSection;
    const section = plan[key];
    if (section === undefined) continue;
    const targets = provider.runtime.toTargets(section, {
      runId: context.runId,
      ...(plan.name ? { planName: plan.name } : {}),
      options: context.options(provider.descriptor.id),
    });
    if (targets.isErr()) {
      for (const issue of targets.error)
        issues.push({ file: context.file, path: `${key}.${issue.path}`, message: issue.message, rule: issue.rule });
    } else {
      plans.push({ ...provider, section, plan: targets.value });
    }
  }
  return issues.length > 0 ? err(issues) : ok(plans);
}
