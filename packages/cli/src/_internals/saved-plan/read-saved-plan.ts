import { readFile, stat } from 'node:fs/promises';
import { err, ok, type Result } from 'neverthrow';
import type { PlanFileIssue } from '../../plan-file/plan-file-issue.js';
import { checkJsonDepth } from '../plan-file/check-plan-structure.js';
import { formatFieldPath } from '../plan-file/format-field-path.js';
import { planFileLimits } from '../plan-file/plan-file-limits.js';
import { handleDigest, type SavedPlan, savedPlanKind, savedPlanSchema, tasksDigest } from './saved-plan.js';

/**
 * Reads `file` as a saved plan. `ok(undefined)` when it is not one (a plan file: YAML, or JSON of another
 * kind); the issues when it is one that cannot be trusted: malformed, or edited since it was saved (each
 * edited change set named).
 */
export async function readSavedPlan(file: string): Promise<Result<SavedPlan | undefined, PlanFileIssue[]>> {
  const data = await readJson(file);
  if (!isSavedPlan(data)) return ok(undefined);
  const fail = (message: string, path = '', rule?: string) =>
    err<never, PlanFileIssue[]>([{ file, path, message, ...(rule ? { rule } : {}) }]);
  const problem = checkJsonDepth(data);
  if (problem) return fail(problem.message, problem.path, problem.rule);
  const parsed = savedPlanSchema.safeParse(data);
  if (!parsed.success)
    return err(
      parsed.error.issues.map((issue) => ({
        file,
        path: formatFieldPath(issue.path),
        message: issue.message,
        rule: issue.code,
      })),
    );
  const saved = parsed.data;
  const unplaced = saved.tasks.findIndex((task) => !(task.provider in saved.providers));
  if (unplaced >= 0)
    return fail(
      `names provider ${saved.tasks[unplaced]!.provider}, which the saved plan did not reach`,
      `tasks[${unplaced}].provider`,
    );
  const edited = saved.tasks.filter((task) => handleDigest(task.handle) !== task.digest);
  if (edited.length > 0)
    return err(
      edited.map((task) => ({
        file,
        path: `tasks[${saved.tasks.indexOf(task)}].handle`,
        message: `${task.label}: the saved change set was edited after the plan was saved; run \`changeplane plan --out\` again`,
        rule: 'saved_plan_edited',
      })),
    );
  if (tasksDigest(saved.tasks) !== saved.digest)
    return fail('change sets were added, removed or reordered after the plan was saved', 'tasks', 'saved_plan_edited');
  return ok(saved);
}

async function readJson(file: string): Promise<unknown> {
  try {
    if ((await stat(file)).size > planFileLimits.maxBytes) return undefined;
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    // Not readable as JSON: the plan loader reads it and says what is wrong.
    return undefined;
  }
}

const isSavedPlan = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === savedPlanKind;
