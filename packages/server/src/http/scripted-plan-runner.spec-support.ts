import { createHash } from 'node:crypto';
import { err, ok } from 'neverthrow';
import { parseDocument } from 'yaml';
import type { CheckedPlan, PlanProblem, PlanRunner, PlanTarget, RunnerContext, RunnerOutcome } from '../plan-runner.js';

const maxDepth = 32;

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

function read(body: string): { data?: unknown; problem?: PlanProblem } {
  try {
    const document = parseDocument(body, { uniqueKeys: true });
    const [first] = document.errors;
    if (first) {
      const duplicate = first.code === 'DUPLICATE_KEY';
      return { problem: { path: '', message: first.message, ...(duplicate ? { rule: 'duplicate_key' } : {}) } };
    }
    const data: unknown = document.toJS({ maxAliasCount: 100 });
    if (depthOf(data) > maxDepth) return { problem: { path: '', message: 'nested too deep', rule: 'max_depth' } };
    return { data };
  } catch (error) {
    const rule = error instanceof RangeError ? { rule: 'max_depth' } : {};
    return { problem: { path: '', message: 'not readable', ...rule } };
  }
}

function targetsOf(data: unknown): PlanTarget[] | undefined {
  const targets = (data as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(targets) || targets.length === 0) return undefined;
  const valid = targets.every(
    (item) => typeof item?.provider === 'string' && typeof item?.target === 'string' && item.target.length > 0,
  );
  return valid ? (targets as PlanTarget[]) : undefined;
}

/**
 * A PlanRunner for the HTTP specs: a plan is `{ "targets": [{ "provider", "target" }...] }` (JSON or YAML),
 * read with the loader's limits (duplicate keys, depth); a run emits the events the plan lists.
 */
export function scriptedPlanRunner(): PlanRunner & { runs: string[] } {
  const runs: string[] = [];
  return {
    runs,
    async check(body) {
      const { data, problem } = read(body);
      if (problem) return err([problem]);
      const targets = targetsOf(data);
      if (!targets) {
        return err([{ path: 'targets', message: 'a non-empty list of { provider, target }', rule: 'invalid_type' }]);
      }
      const digest = createHash('sha256').update(JSON.stringify(data)).digest('hex');
      const locks = targets.map((item) => `${item.provider}:${item.target}`);
      const plan: CheckedPlan = { document: data, digest, targets, locks, changeSets: targets.length, changes: 1 };
      return ok(plan);
    },
    async run(document, context: RunnerContext): Promise<RunnerOutcome> {
      runs.push(context.runId);
      const targets = targetsOf(document) ?? [];
      await context.emit({ type: 'run-started', command: 'apply', targets: [] });
      for (const [index, target] of targets.entries()) {
        const task = `${target.provider}:${index}`;
        await context.emit({ type: 'task-added', task, provider: target.provider, label: target.target, changes: 1 });
      }
      const digest = createHash('sha256').update(JSON.stringify(document)).digest('hex');
      if (context.approval && !(await context.approval(digest))) {
        await context.emit({ type: 'run-finished', exitCode: 1, reason: 'rejected', summary: [] });
        return { state: 'cancelled', exitCode: 1, reason: 'rejected' };
      }
      for (const [index, target] of targets.entries()) {
        await context.emit({ type: 'task-status', task: `${target.provider}:${index}`, status: 'succeeded' });
      }
      await context.emit({ type: 'run-finished', exitCode: 0, reason: 'every change set succeeded', summary: [] });
      return { state: 'succeeded', exitCode: 0, reason: 'every change set succeeded' };
    },
    async isFinal() {
      return true;
    },
    async close() {},
  };
}
