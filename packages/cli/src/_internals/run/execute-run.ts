import {
  type ChangeSetError,
  type ChangeSetHandle,
  type ChangeSetProvider,
  type ChangeSetRef,
  type ChangeSetState,
  changeSetDependencies,
  type PlannedChangeSet,
  runChangeSetSchedule,
  serializeChangeSetError,
  type WaitOptions,
} from '@changeplane/core';
import { RequestPacer, type RunTarget } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import type { RunReporter } from '../output/run-reporter.js';
import type { RunRecorder } from '../state/run-recorder.js';
import type { ProviderRun } from './provider-run.js';
import type { RunJournaling } from './run-journaling.js';
import type { TaskOutcome, TaskResult } from './task-outcome.js';

export interface ExecuteRunOptions {
  /** `apply` starts change sets; `plan` prepares, shows and (unless `keep`) removes them. */
  readonly mode: 'apply' | 'plan';
  /** `plan --keep`: leave prepared change sets in the cloud for review. */
  readonly keep?: boolean;
  /** Return once every change set has started; wait only for those that others depend on. */
  readonly detach?: boolean;
  /** Asked after everything is prepared and shown; `false` starts nothing. Absent: `--yes`. */
  readonly confirm?: (changeSets: number, changes: number) => Promise<boolean>;
  readonly reporter: RunReporter;
  readonly recorder: RunRecorder;
  readonly wait: WaitOptions;
  /** Wait this long for a locked entity instead of failing at once. */
  readonly lockWaitMs?: number;
  /** First Ctrl-C: start nothing more and stop waiting. */
  readonly stopStarting: AbortSignal;
  /** `apply`: the write-ahead journal of the run (tokens, intents, outcomes, what an unfinished run made). */
  readonly journaling?: RunJournaling;
}

interface Task {
  readonly run: ProviderRun;
  readonly target: RunTarget;
  readonly provider: ChangeSetProvider;
  handle?: ChangeSetHandle;
  /** Started by an unfinished run of this plan: only waiting is left. */
  startedRef?: ChangeSetRef;
  changeSetId?: string;
  outcome?: TaskOutcome;
}

/**
 * Carries out a plan in three steps: prepare every change set (nothing starts), then, for `apply`, ask
 * and start them in dependency order within each provider's concurrency and start rate. Returns one
 * outcome per target; never throws for a provider failure.
 */
export async function executeRun(runs: readonly ProviderRun[], options: ExecuteRunOptions): Promise<TaskResult[]> {
  const { reporter, recorder } = options;
  const tasks: Task[] = runs.flatMap((run) =>
    run.plan.targets.map((target) => ({ run, target, provider: run.connection.provider })),
  );
  for (const task of tasks) {
    reporter.emit({
      type: 'task-added',
      task: task.target.task,
      provider: task.run.descriptor.id,
      label: task.target.label,
      changes: task.target.changeCount,
    });
  }
  const settle = (task: Task, outcome: TaskOutcome) => {
    task.outcome = outcome;
  };
  const failed = (task: Task, error: ChangeSetError) =>
    reporter.emit({ type: 'task-failed', task: task.target.task, error: serializeChangeSetError(error) });
  const status = (task: Task, taskStatus: Parameters<typeof statusEvent>[1], extra: Partial<StatusExtra> = {}) =>
    reporter.emit(statusEvent(task, taskStatus, extra));

  await Promise.all(
    runs.map((run) =>
      prepare(
        tasks.filter((task) => task.run === run),
        run,
        options,
      ),
    ),
  );

  const prepared = tasks.filter((task) => task.handle !== undefined && task.startedRef === undefined);
  const finish = () => tasks.map(resultOf);

  if (options.stopStarting.aborted) {
    for (const task of tasks)
      if (!task.outcome && !task.startedRef) settle(task, { kind: 'not-started', reason: 'interrupted' });
    return finish();
  }
  if (tasks.some((task) => task.outcome?.kind === 'prepare-failed')) {
    await discardAll(prepared, 'another change set could not be prepared');
    for (const task of tasks)
      if (!task.outcome && !task.startedRef) settle(task, { kind: 'not-started', reason: 'prepare-failed' });
    return finish();
  }
  if (options.mode === 'plan') {
    const left = options.keep ? new Set(prepared) : await discardAll(prepared, 'shown; nothing was started');
    for (const task of prepared) {
      if (task.outcome) continue;
      const kept = left.has(task) && task.handle?.changeSetId !== undefined;
      settle(task, { kind: 'previewed', changes: task.handle!.changes.length, kept });
      status(task, 'previewed', {
        detail: kept ? 'left in place; `changeplane cancel` removes it' : 'nothing was started',
      });
    }
    return finish();
  }
  const toStart = prepared.filter((task) => !task.outcome);
  if (toStart.length > 0 && options.confirm) {
    const changes = toStart.reduce((sum, task) => sum + task.handle!.changes.length, 0);
    reporter.emit({ type: 'confirmation-needed', changeSets: toStart.length, changes });
    const approved = await options.confirm(toStart.length, changes);
    if (!approved || options.stopStarting.aborted) {
      await discardAll(prepared, 'apply was declined');
      const reason = options.stopStarting.aborted ? 'interrupted' : 'declined';
      for (const task of toStart) {
        settle(task, { kind: 'not-started', reason });
        status(task, 'not-started', { detail: reason === 'declined' ? 'apply was declined' : 'interrupted' });
      }
      return finish();
    }
  }
  await Promise.all(
    runs.map((run) =>
      start(
        tasks.filter((task) => task.run === run),
        run,
        options,
      ),
    ),
  );
  for (const task of tasks) if (!task.outcome) settle(task, { kind: 'not-started', reason: 'interrupted' });
  return finish();

  async function prepare(own: readonly Task[], run: ProviderRun, options: ExecuteRunOptions): Promise<void> {
    // Preparing may call the provider (ROS CreateChangeSet; Marketplace `Intent: VALIDATE`): at its start rate.
    const pacer = new RequestPacer(run.plan.startsPerSecond ?? Number.POSITIVE_INFINITY);
    const queue = [...own];
    const worker = async () => {
      for (let task = queue.shift(); task; task = queue.shift()) {
        if (options.stopStarting.aborted) return;
        await pacer.turn(options.stopStarting);
        if (options.stopStarting.aborted) return;
        const journaling = options.journaling;
        const adopted = journaling?.adopted(task.target.task) ?? {};
        if (adopted.ref) {
          // Started by the unfinished run: adopted as it is, never started twice.
          task.startedRef = adopted.ref;
          task.changeSetId = adopted.ref.changeSetId;
          if (adopted.handle) task.handle = adopted.handle;
          status(task, 'running', { changeSetId: adopted.ref.changeSetId, detail: 'started by the unfinished run' });
          continue;
        }
        status(task, 'creating');
        const createToken = journaling?.token(task.target.task, 'create');
        if (journaling && !adopted.handle) await journaling.intent(task.target.task, 'create', task.run.descriptor.id);
        const created = adopted.handle
          ? ok(adopted.handle)
          : await task.provider.create(task.target.request, {
              validateOnServer: options.mode === 'plan',
              wait: options.wait,
              signal: options.stopStarting,
              // With --lock-wait, an entity another run holds now is waited for at start, not refused here.
              ...(options.lockWaitMs ? { lockWait: { maxWaitMs: options.lockWaitMs } } : {}),
              ...(journaling
                ? { clientToken: createToken!, startToken: journaling.token(task.target.task, 'start') }
                : {}),
            });
        if (journaling && !adopted.handle)
          await journaling.outcome(
            task.target.task,
            'create',
            created.isOk() ? { handle: created.value } : { error: created.error },
          );
        if (created.isErr()) {
          if (options.stopStarting.aborted) return;
          if (created.error.changeSetId) {
            task.changeSetId = created.error.changeSetId;
            await recordPrepared(task, created.error.changeSetId);
          }
          settle(task, { kind: 'prepare-failed', error: created.error });
          failed(task, created.error);
          status(task, 'failed', {
            ...(task.changeSetId ? { changeSetId: task.changeSetId } : {}),
            detail: created.error.message,
          });
          continue;
        }
        const handle = created.value;
        task.handle = handle;
        if (handle.changeSetId) {
          task.changeSetId = handle.changeSetId;
          await recordPrepared(task, handle.changeSetId);
        }
        for (const warning of handle.warnings ?? []) {
          reporter.emit({
            type: 'notice',
            message: `${task.target.label}: ${warning.path}: ${warning.message} (${warning.rule})`,
          });
        }
        reporter.emit({ type: 'task-changes', task: task.target.task, changes: handle.changes });
        if (handle.outcome === 'no-changes') {
          settle(task, { kind: 'no-changes' });
          status(task, 'no-changes', { detail: 'the provider found nothing to change' });
        } else {
          status(task, 'ready', handle.changeSetId ? { changeSetId: handle.changeSetId } : {});
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(run.plan.concurrency, own.length) }, worker));
  }

  async function recordPrepared(task: Task, changeSetId: string) {
    const handle = task.handle;
    await recorder.record({
      task: task.target.task,
      label: task.target.label,
      phase: 'prepared',
      ref: {
        provider: task.run.descriptor.id,
        changeSetId,
        ...(handle?.region ? { region: handle.region } : {}),
        ...(handle?.account ? { account: handle.account } : {}),
        scope: handle?.scope ?? {},
      },
    });
  }

  /** Removes prepared change sets that will not start; the tasks whose change set stays are returned. */
  async function discardAll(prepared: readonly Task[], why: string): Promise<Set<Task>> {
    const left = new Set<Task>();
    await Promise.all(
      prepared.map(async (task) => {
        const discard = task.provider.discard?.bind(task.provider);
        if (!discard || !task.handle?.changeSetId) return;
        const removed = await discard(task.handle);
        if (removed.isErr()) {
          left.add(task);
          reporter.emit({
            type: 'notice',
            message: `${task.target.label}: change set ${task.handle.changeSetId} was left in place (${why}) because removing it failed: ${removed.error.message}; \`changeplane cancel ${task.target.task}\` removes it`,
          });
          return;
        }
        await options.journaling?.intent(task.target.task, 'cancel', task.run.descriptor.id, task.handle.changeSetId);
        await options.journaling?.outcome(task.target.task, 'cancel', {
          ref: {
            provider: task.handle.provider,
            changeSetId: task.handle.changeSetId,
            ...(task.handle.region ? { region: task.handle.region } : {}),
            scope: task.handle.scope,
          },
        });
        await recorder.forget(task.target.task);
      }),
    );
    return left;
  }

  async function start(own: readonly Task[], run: ProviderRun, options: ExecuteRunOptions): Promise<void> {
    const sets: PlannedChangeSet[] = own.map((task, index) => ({
      index,
      level: 0,
      changeIndexes: [],
      entities: task.target.conflictKeys,
    }));
    const { successors } = changeSetDependencies(sets);
    await runChangeSetSchedule(sets, (set) => startAndWait(own[set.index]!, successors[set.index]!.length > 0), {
      concurrency: run.plan.concurrency,
      ...(run.plan.startsPerSecond ? { startsPerSecond: run.plan.startsPerSecond } : {}),
      signal: options.stopStarting,
      onEvent: (event) => {
        if (event.type !== 'set-skipped') return;
        const task = own[event.set.index]!;
        const blockedBy = own[event.blockedBy]!.target.label;
        settle(task, { kind: 'skipped', blockedBy });
        status(task, 'skipped', { detail: `${blockedBy} did not succeed` });
      },
    });
  }

  async function startAndWait(task: Task, othersDependOnIt: boolean): Promise<Result<void, 'failed'>> {
    if (task.outcome?.kind === 'no-changes') return ok(undefined);
    if (task.startedRef) return waitFor(task, task.startedRef, othersDependOnIt);
    const handle = task.handle;
    if (!handle) return err('failed');
    status(task, options.lockWaitMs ? 'waiting-for-lock' : 'starting');
    const journaling = options.journaling;
    await journaling?.intent(task.target.task, 'start', task.run.descriptor.id, handle.changeSetId);
    // The start call itself is not cut short by Ctrl-C: its change set must be known to be recorded.
    const started = await task.provider.start(
      handle,
      options.lockWaitMs ? { lockWait: { maxWaitMs: options.lockWaitMs } } : {},
    );
    await journaling?.outcome(
      task.target.task,
      'start',
      started.isOk() ? { ref: started.value } : { error: started.error },
    );
    if (started.isErr()) {
      settle(task, { kind: 'start-failed', error: started.error });
      failed(task, started.error);
      status(task, 'failed', { detail: started.error.message });
      return err('failed');
    }
    const ref = started.value;
    task.changeSetId = ref.changeSetId;
    await recorder.record({
      task: task.target.task,
      label: task.target.label,
      phase: 'started',
      ref: {
        provider: ref.provider,
        changeSetId: ref.changeSetId,
        ...(ref.region ? { region: ref.region } : {}),
        ...(ref.account ? { account: ref.account } : {}),
        scope: ref.scope,
      },
    });
    status(task, 'running', { changeSetId: ref.changeSetId });
    return waitFor(task, ref, othersDependOnIt);
  }

  async function waitFor(task: Task, ref: ChangeSetRef, othersDependOnIt: boolean): Promise<Result<void, 'failed'>> {
    if (options.stopStarting.aborted) {
      settle(task, { kind: 'interrupted', ref });
      return err('failed');
    }
    if (options.detach && !othersDependOnIt) {
      settle(task, { kind: 'started', ref });
      status(task, 'detached', { changeSetId: ref.changeSetId, detail: 'still running' });
      return ok(undefined);
    }
    const settled = await task.provider.waitUntilSettled(ref, { ...options.wait, signal: options.stopStarting });
    if (settled.isErr()) {
      if (options.stopStarting.aborted) {
        settle(task, { kind: 'interrupted', ref });
        status(task, 'interrupted', { changeSetId: ref.changeSetId, detail: 'still running' });
      } else {
        settle(task, { kind: 'failed', error: settled.error });
        failed(task, settled.error);
        status(task, 'failed', { detail: settled.error.message });
      }
      return err('failed');
    }
    return settledOutcome(task, settled.value);
  }

  function settledOutcome(task: Task, state: ChangeSetState): Result<void, 'failed'> {
    const extra = {
      rawStatus: state.rawStatus,
      changeSetId: state.ref.changeSetId,
      ...(state.reason ? { detail: state.reason } : {}),
    };
    if (state.status === 'succeeded') {
      settle(task, { kind: 'succeeded', state });
      status(task, 'succeeded', extra);
      return ok(undefined);
    }
    if (state.status === 'cancelled') {
      settle(task, { kind: 'cancelled', state });
      status(task, 'cancelled', extra);
    } else {
      settle(task, { kind: 'failed', state });
      status(task, 'failed', extra);
    }
    return err('failed');
  }
}

interface StatusExtra {
  rawStatus: string;
  changeSetId: string;
  detail: string;
}

function statusEvent(
  task: Task,
  status: Extract<Parameters<RunReporter['emit']>[0], { type: 'task-status' }>['status'],
  extra: Partial<StatusExtra>,
) {
  return { type: 'task-status' as const, task: task.target.task, status, ...extra };
}

function resultOf(task: Task): TaskResult {
  return {
    task: task.target.task,
    label: task.target.label,
    provider: task.run.descriptor.id,
    changeCount: task.handle?.changes.length ?? task.target.changeCount,
    ...(task.changeSetId ? { changeSetId: task.changeSetId } : {}),
    // A change set an unfinished run started is running unless something else was learned of it.
    outcome:
      task.outcome ??
      (task.startedRef ? { kind: 'started', ref: task.startedRef } : { kind: 'not-started', reason: 'interrupted' }),
  };
}
