import { changeSetDependencies, type PlannedChangeSet, runChangeSetSchedule } from '@changeplane/core';
import { RequestPacer } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import { confirmStart } from './confirm-start.js';
import { discardTask, keepTask } from './discard-task.js';
import { prepareTask } from './prepare-task.js';
import type { ProviderRun } from './provider-run.js';
import { type ExecuteRunOptions, RunContext, type RunStop } from './run-context.js';
import { settleAll } from './settle-all.js';
import { settleTask } from './settle-task.js';
import { startTask } from './start-task.js';
import { reportStatus } from './task-events.js';
import type { TaskResult } from './task-outcome.js';
import { taskResult } from './task-result.js';
import type { DiscardReason, Task } from './task-state.js';

/** What a run came to: one result per target, and why it stopped early, if it did. */
export interface RunResult {
  readonly tasks: readonly TaskResult[];
  readonly stop?: RunStop;
}

/**
 * Carries out a plan as a state machine per target (see `TaskState`): prepare every change set (nothing
 * starts), then, for `apply`, ask and start them in dependency order within each provider's concurrency and
 * start rate, and follow each to its end. Never throws for a provider or journal failure: every step returns
 * the task's next state, and every worker is awaited before the result is given.
 */
export async function executeRun(runs: readonly ProviderRun[], options: ExecuteRunOptions): Promise<RunResult> {
  const context = new RunContext(options);
  const tasks = planTasks(runs, context);
  await forEachProvider(runs, tasks, (own, run) => prepareAll(own, run, context));
  await afterPreparing(runs, tasks, context);
  return { tasks: tasks.map(taskResult), ...(context.stopped ? { stop: context.stopped } : {}) };
}

function planTasks(runs: readonly ProviderRun[], context: RunContext): Task[] {
  const tasks = runs.flatMap((run) =>
    run.plan.targets.map((target): Task => ({ key: target.task, target, run, state: { phase: 'planned' } })),
  );
  for (const task of tasks) {
    context.reporter.emit({
      type: 'task-added',
      task: task.key,
      provider: task.run.descriptor.id,
      label: task.target.label,
      changes: task.target.changeCount,
    });
  }
  return tasks;
}

/** Everything is prepared (or the run stopped): decide what starts. */
async function afterPreparing(runs: readonly ProviderRun[], tasks: readonly Task[], context: RunContext) {
  const prepared = tasks.filter((task) => task.state.phase === 'prepared');
  const stopped = context.stopped;
  // A journal that cannot be written cannot record a removal either: what was prepared is reported as it is.
  if (stopped?.kind === 'journal-failed') return;
  if (stopped) return discardEach(prepared, 'interrupted', context);
  if (tasks.some((task) => task.state.phase === 'failed')) return discardEach(prepared, 'prepare-failed', context);
  if (context.options.mode === 'plan') return preview(prepared, context);
  const confirmation = await confirmStart(prepared, context);
  if (confirmation !== 'start') {
    await discardEach(prepared, confirmation, context);
    for (const task of prepared) {
      reportStatus(context.reporter, task, 'not-started', {
        detail: confirmation === 'declined' ? 'apply was declined' : 'interrupted',
      });
    }
    return;
  }
  await forEachProvider(runs, tasks, (own, run) => startAll(own, run, context));
}

async function discardEach(tasks: readonly Task[], reason: DiscardReason, context: RunContext) {
  await settleAll(
    tasks.map(async (task) => {
      task.state = await discardTask(task, reason, context);
    }),
  );
}

/** `plan`: show, then remove what was prepared (unless `--keep`). */
async function preview(prepared: readonly Task[], context: RunContext) {
  if (!context.options.keep) await discardEach(prepared, 'previewed', context);
  for (const task of prepared) {
    if (task.state.phase === 'prepared') task.state = keepTask(task);
    const kept = task.state.phase === 'settled';
    reportStatus(context.reporter, task, 'previewed', {
      detail: kept ? 'left in place; `changeplane cancel` removes it' : 'nothing was started',
    });
  }
}

/** Prepares one provider's tasks: `concurrency` at a time, at its start rate (preparing may call it). */
async function prepareAll(own: readonly Task[], run: ProviderRun, context: RunContext) {
  const pacer = new RequestPacer(run.plan.startsPerSecond ?? Number.POSITIVE_INFINITY);
  const queue = [...own];
  const worker = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) {
      if (context.signal.aborted) return;
      await pacer.turn(context.signal);
      if (context.signal.aborted) return;
      task.state = await prepareTask(task, context);
    }
  };
  await settleAll(Array.from({ length: Math.min(run.plan.concurrency, own.length) }, worker));
}

/** Starts one provider's tasks in dependency order and follows each to its end. */
async function startAll(own: readonly Task[], run: ProviderRun, context: RunContext) {
  const sets: PlannedChangeSet[] = own.map((task, index) => ({
    index,
    level: 0,
    changeIndexes: [],
    entities: task.target.conflictKeys,
  }));
  const { successors } = changeSetDependencies(sets);
  await runChangeSetSchedule(
    sets,
    (set) => startAndSettle(own[set.index]!, successors[set.index]!.length > 0, context),
    {
      concurrency: run.plan.concurrency,
      ...(run.plan.startsPerSecond ? { startsPerSecond: run.plan.startsPerSecond } : {}),
      signal: context.signal,
      onEvent: (event) => {
        if (event.type !== 'set-skipped') return;
        const task = own[event.set.index]!;
        const blockedBy = own[event.blockedBy]!.target.label;
        task.state = { phase: 'settled', outcome: { kind: 'skipped', blockedBy } };
        reportStatus(context.reporter, task, 'skipped', { detail: `${blockedBy} did not succeed` });
      },
    },
  );
}

async function startAndSettle(
  task: Task,
  othersDependOnIt: boolean,
  context: RunContext,
): Promise<Result<void, 'failed'>> {
  task.state = await startTask(task, context);
  task.state = await settleTask(task, othersDependOnIt, context);
  const { state } = task;
  const fine =
    state.phase === 'settled' && ['succeeded', 'no-changes', 'unchanged', 'started'].includes(state.outcome.kind);
  return fine ? ok(undefined) : err('failed');
}

async function forEachProvider(
  runs: readonly ProviderRun[],
  tasks: readonly Task[],
  step: (own: readonly Task[], run: ProviderRun) => Promise<void>,
) {
  await settleAll(
    runs.map((run) =>
      step(
        tasks.filter((task) => task.run === run),
        run,
      ),
    ),
  );
}
