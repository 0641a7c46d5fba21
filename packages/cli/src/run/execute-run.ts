import type { MarketplaceChangeSetRequest } from '@changeplane/aws-marketplace';
import {
  type ChangeSetError,
  type ChangeSetProvider,
  type ChangeSetRegistry,
  type ChangeSetState,
  type ChangeSetStatus,
  runChangeSetSchedule,
  serializeChangeSetError,
  type WaitOptions,
} from '@changeplane/core';
import type { RosChangeSetRequest } from '@changeplane/ros';
import { err, ok, type Result } from 'neverthrow';
import { ExitCode } from '../exit-codes.js';
import type { SummaryRow, TaskStatus } from '../output/run-event.js';
import type { RunReporter } from '../output/run-reporter.js';
import type { RunStateEntry } from '../state/run-state.js';
import type { RunTargets } from './run-targets.js';

export interface ExecuteRunOptions {
  /** `apply` starts change sets; `plan` only prepares (ROS) and validates (Marketplace) them. */
  readonly mode: 'apply' | 'plan';
  /** Start and return without waiting for the change sets to settle. */
  readonly detach?: boolean;
  readonly registry: ChangeSetRegistry;
  readonly reporter: RunReporter;
  readonly wait: WaitOptions;
  /** Wait this long for a locked entity instead of failing at once. */
  readonly lockWaitMs?: number;
  /** The Marketplace's StartChangeSet rate per account. */
  readonly startsPerSecond?: number;
  readonly signal?: AbortSignal;
}

export interface ExecuteRunResult {
  readonly exitCode: ExitCode;
  readonly summary: SummaryRow[];
  readonly changeSets: RunStateEntry[];
}

const neutralToTask: Record<ChangeSetStatus, TaskStatus> = {
  creating: 'creating',
  ready: 'ready',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** Carries out the targets and reports every step; never throws for a provider failure. */
export async function executeRun(targets: RunTargets, options: ExecuteRunOptions): Promise<ExecuteRunResult> {
  const { reporter, registry } = options;
  const rows = new Map<string, SummaryRow>();
  const changeSets: RunStateEntry[] = [];
  const errors: ChangeSetError[] = [];

  const setRow = (task: string, patch: Partial<SummaryRow>) => {
    const row = rows.get(task)!;
    rows.set(task, { ...row, ...patch });
  };
  const status = (
    task: string,
    taskStatus: TaskStatus,
    extra: { rawStatus?: string; changeSetId?: string; detail?: string } = {},
  ) => {
    reporter.emit({ type: 'task-status', task, status: taskStatus, ...extra });
    setRow(task, {
      status: taskStatus,
      ...(extra.changeSetId ? { changeSetId: extra.changeSetId } : {}),
      detail: extra.detail,
    });
  };
  const fail = (task: string, error: ChangeSetError) => {
    errors.push(error);
    reporter.emit({ type: 'task-failed', task, error: serializeChangeSetError(error) });
    setRow(task, { status: 'failed', detail: `${error.kind}${error.code ? ` ${error.code}` : ''}: ${error.message}` });
  };
  const settledStatus = (task: string, state: ChangeSetState) => {
    status(task, neutralToTask[state.status], {
      rawStatus: state.rawStatus,
      changeSetId: state.ref.changeSetId,
      ...(state.reason ? { detail: state.reason } : {}),
    });
    const entry = changeSets.find((candidate) => candidate.task === task);
    if (entry) changeSets[changeSets.indexOf(entry)] = { ...entry, status: neutralToTask[state.status] };
  };

  for (const target of [...targets.ros, ...targets.marketplace]) {
    const provider = 'set' in target ? 'aws-marketplace' : 'alibaba-ros';
    rows.set(target.task, { task: target.task, provider, label: target.label, changes: 0, status: 'pending' });
    reporter.emit({ type: 'task-added', task: target.task, provider, label: target.label });
  }

  const ros = registry.get<RosChangeSetRequest>('alibaba-ros')._unsafeUnwrap();
  const marketplace = registry.get<MarketplaceChangeSetRequest>('aws-marketplace')._unsafeUnwrap();

  /** create -> (plan: stop) -> start -> (detach: stop) -> wait; Err only when the change set did not succeed. */
  const carryOut = async <Request>(
    provider: ChangeSetProvider<Request>,
    task: string,
    label: string,
    request: Request,
    createOptions: { validateOnServer?: boolean },
  ): Promise<Result<void, ChangeSetError | 'failed'>> => {
    status(task, 'creating');
    const created = await provider.create(request, { ...createOptions, wait: options.wait, signal: options.signal });
    if (created.isErr()) {
      fail(task, created.error);
      return err(created.error);
    }
    const handle = created.value;
    setRow(task, {
      changes: handle.changes.length,
      ...(handle.changeSetId ? { changeSetId: handle.changeSetId } : {}),
    });
    reporter.emit({ type: 'task-changes', task, changes: handle.changes });
    if (handle.outcome === 'no-changes') {
      status(task, 'no-changes', { detail: 'the provider found nothing to change' });
      return ok(undefined);
    }
    if (options.mode === 'plan') {
      status(task, provider.id === 'aws-marketplace' ? 'validated' : 'ready', {
        ...(handle.changeSetId ? { changeSetId: handle.changeSetId } : {}),
        detail: provider.id === 'aws-marketplace' ? 'checked, nothing started' : 'created, not executed',
      });
      if (handle.changeSetId) {
        changeSets.push({
          task,
          label,
          status: 'ready',
          ref: {
            provider: handle.provider,
            changeSetId: handle.changeSetId,
            ...(handle.region ? { region: handle.region } : {}),
            scope: handle.scope,
          },
        });
      }
      return ok(undefined);
    }
    if (options.lockWaitMs) status(task, 'waiting-for-lock');
    const started = await provider.start(
      handle,
      options.lockWaitMs
        ? { lockWait: { maxWaitMs: options.lockWaitMs }, signal: options.signal }
        : { signal: options.signal },
    );
    if (started.isErr()) {
      fail(task, started.error);
      return err(started.error);
    }
    const ref = started.value;
    changeSets.push({
      task,
      label,
      status: 'running',
      ref: {
        provider: ref.provider,
        changeSetId: ref.changeSetId,
        ...(ref.region ? { region: ref.region } : {}),
        ...(ref.account ? { account: ref.account } : {}),
        scope: ref.scope,
      },
    });
    status(task, 'running', { changeSetId: ref.changeSetId });
    if (options.detach) return ok(undefined);
    const settled = await provider.waitUntilSettled(ref, { ...options.wait, signal: options.signal });
    if (settled.isErr()) {
      fail(task, settled.error);
      return err(settled.error);
    }
    settledStatus(task, settled.value);
    return settled.value.status === 'succeeded' ? ok(undefined) : err('failed');
  };

  const rosRuns = targets.ros.map((target) => carryOut(ros, target.task, target.label, target.request, {}));
  const marketplaceRun = runChangeSetSchedule(
    targets.marketplace.map((target) => target.set),
    (set) => {
      const target = targets.marketplace[set.index]!;
      return carryOut(marketplace, target.task, target.label, target.request, {
        validateOnServer: options.mode === 'plan',
      });
    },
    {
      concurrency: targets.marketplaceConcurrency,
      startsPerSecond: options.startsPerSecond ?? 5,
      ...(options.signal ? { signal: options.signal } : {}),
      onEvent: (event) => {
        if (event.type === 'set-skipped') {
          const target = targets.marketplace[event.set.index]!;
          status(target.task, 'skipped', { detail: `set ${event.blockedBy + 1} it depends on did not succeed` });
        }
      },
    },
  );
  await Promise.all([...rosRuns, marketplaceRun]);

  const summary = [...rows.values()];
  return { exitCode: exitCodeFor(summary, errors), summary, changeSets };
}

function exitCodeFor(summary: readonly SummaryRow[], errors: readonly ChangeSetError[]): ExitCode {
  if (errors.some((error) => error.kind === 'locked')) return ExitCode.lockContention;
  if (errors.some((error) => error.kind === 'validation')) return ExitCode.invalidInput;
  const changeSetFailed = summary.some((row) => ['failed', 'cancelled', 'skipped'].includes(row.status));
  const otherErrors = errors.some((error) => !['conflict', 'quota-exceeded'].includes(error.kind));
  if (otherErrors) return ExitCode.error;
  if (changeSetFailed) return ExitCode.changeSetFailed;
  return ExitCode.success;
}
