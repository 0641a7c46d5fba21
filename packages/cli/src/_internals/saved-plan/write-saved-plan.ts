import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChangeSetHandle } from '@changeplane/core';
import { errAsync, ResultAsync } from 'neverthrow';
import type { ProviderRun } from '../run/provider-run.js';
import type { TaskResult } from '../run/task-outcome.js';
import { handleDigest, type SavedPlan, type SavedTask, savedPlanKind, tasksDigest } from './saved-plan.js';

/** What a saved plan is made of: the run's providers and the change sets it kept. */
export interface SavedPlanSource {
  readonly plan: string;
  readonly planHash: string;
  readonly runId: string;
  readonly runs: readonly ProviderRun[];
  readonly results: readonly TaskResult[];
}

/**
 * Writes the change sets a `plan --out` run prepared and kept: each one's handle and digest, and how each
 * provider was reached. Refuses (writes nothing) when a change set could not be kept.
 */
export function writeSavedPlan(file: string, source: SavedPlanSource): ResultAsync<SavedPlan, string> {
  // `plan --out` keeps every prepared change set (a provider that prepares locally keeps only the handle).
  const notKept = source.results.filter(
    (result) => result.outcome.kind !== 'previewed' && result.outcome.kind !== 'no-changes',
  );
  if (notKept.length > 0)
    return errAsync(`not every change set was prepared and kept (${notKept.map((result) => result.label).join(', ')})`);
  const tasks = source.results.flatMap((result): SavedTask[] => {
    if (!result.handle || result.outcome.kind === 'no-changes') return [];
    const run = source.runs.find((candidate) => candidate.descriptor.id === result.provider)!;
    const target = run.plan.targets.find((candidate) => candidate.task === result.task)!;
    const handle = result.handle as unknown as SavedTask['handle'];
    return [
      {
        task: result.task,
        label: result.label,
        provider: result.provider,
        conflictKeys: [...target.conflictKeys],
        handle,
        digest: handleDigest(handle),
      },
    ];
  });
  const saved: SavedPlan = {
    kind: savedPlanKind,
    version: 1,
    plan: source.plan,
    planHash: source.planHash,
    runId: source.runId,
    savedAt: new Date().toISOString(),
    providers: Object.fromEntries(
      source.runs.map((run) => [
        run.descriptor.id,
        {
          record: run.connection.record as SavedPlan['providers'][string]['record'],
          concurrency: run.plan.concurrency,
          ...(run.plan.startsPerSecond ? { startsPerSecond: run.plan.startsPerSecond } : {}),
        },
      ]),
    ),
    tasks,
    digest: tasksDigest(tasks),
  };
  return ResultAsync.fromPromise(writeAtomically(file, `${JSON.stringify(saved, null, 2)}\n`), (error) =>
    error instanceof Error ? error.message : String(error),
  ).map(() => saved);
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, file);
}

/** The handle of a saved task, as the provider gave it. */
export const savedHandle = (task: SavedTask): ChangeSetHandle => task.handle as unknown as ChangeSetHandle;
