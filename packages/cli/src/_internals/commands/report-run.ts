import type { RunFinishStatus } from '@changeplane/core';
import { ExitCode } from '../../exit-codes.js';
import type { RunResult } from '../run/execute-run.js';
import { earlyExitCode, runVerdict } from '../run/exit-policy.js';
import type { ProviderRun } from '../run/provider-run.js';
import type { RunJournaling } from '../run/run-journaling.js';
import { summaryRows } from '../run/summary-rows.js';
import type { TaskResult } from '../run/task-outcome.js';
import { writeSavedPlan } from '../saved-plan/write-saved-plan.js';
import type { ApplySession } from './apply-command.js';

/** Outcomes of change sets that were started (and may still run). */
const startedKinds: ReadonlySet<string> = new Set(['succeeded', 'started', 'interrupted', 'failed', 'cancelled']);

const wasStarted = (result: TaskResult) =>
  startedKinds.has(result.outcome.kind) && !(result.outcome.kind === 'failed' && !result.changeSetId);

/**
 * Tells what a run came to, ends it in the journal and returns the exit code. An interrupted run that started
 * something stays unfinished, so the next apply of the plan adopts it; one that started nothing is ended, so
 * the next apply starts afresh.
 */
export async function reportRun(
  session: Pick<ApplySession, 'mode' | 'options' | 'reporter'>,
  journaling: RunJournaling,
  result: RunResult,
  onEmulators: boolean,
): Promise<number> {
  const { reporter } = session;
  const started = result.tasks.filter(wasStarted);
  if (result.stop?.kind === 'interrupted') {
    const inFlight = result.tasks.flatMap((task) =>
      task.outcome.kind === 'interrupted'
        ? [{ task: task.task, label: task.label, changeSetId: task.outcome.ref.changeSetId }]
        : [],
    );
    reporter.emit({
      type: 'run-interrupted',
      inFlight,
      cancelCommands: inFlight.map((item) => `changeplane cancel ${item.task}`),
    });
  }
  if (onEmulators && result.tasks.some((task) => task.outcome.kind === 'started')) {
    reporter.emit({
      type: 'notice',
      message:
        'detached change sets ran on embedded emulators, which stop with this command; use `changeplane emulators` to keep them',
    });
  }
  const detailedPlan = session.mode === 'plan' && session.options.detailedExitcode === true;
  const verdict =
    result.stop?.kind === 'journal-failed'
      ? { exitCode: earlyExitCode(ExitCode.error, { detailedPlan }), reason: 'the run journal could not be written' }
      : runVerdict(result.tasks, { detailedPlan });
  if (result.stop?.kind === 'journal-failed') {
    reporter.emit({ type: 'notice', message: `${result.stop.failure.message}; ${startedSentence(started)}` });
  } else {
    const status = finishStatus(verdict.exitCode, started.length > 0);
    const finished = status ? await journaling.finish(status) : undefined;
    if (finished?.isErr())
      reporter.emit({
        type: 'notice',
        message: `${finished.error.message}; the next apply of this plan resumes this run`,
      });
  }
  reporter.emit({
    type: 'run-finished',
    exitCode: verdict.exitCode,
    reason: verdict.reason,
    summary: summaryRows(result.tasks),
    ...(onEmulators ? { emulatorRun: true } : {}),
  });
  return verdict.exitCode;
}

function finishStatus(exitCode: number, startedAny: boolean): RunFinishStatus | undefined {
  if (exitCode === ExitCode.interrupted) return startedAny ? undefined : 'cancelled';
  return exitCode === ExitCode.success ? 'succeeded' : 'failed';
}

/** Exactly what was started, for a run that stopped because its journal failed. */
function startedSentence(started: readonly TaskResult[]): string {
  if (started.length === 0) return 'nothing more was started, and nothing had been started before';
  const names = started.map((task) => `${task.label}${task.changeSetId ? ` (${task.changeSetId})` : ''}`);
  return `nothing more was started; started before that: ${names.join(', ')}`;
}

/**
 * `plan --out`: writes the kept change sets to the saved plan, then reports the run. When the plan cannot be
 * saved whole, nothing is written, and the run says so and fails.
 */
export async function saveAndReport(
  session: ApplySession,
  journaling: RunJournaling,
  runs: readonly ProviderRun[],
  result: RunResult,
  onEmulators: boolean,
): Promise<number> {
  const out = session.options.out!;
  const written = result.stop
    ? undefined
    : await writeSavedPlan(out, {
        plan: session.file,
        planHash: session.planHash,
        runId: journaling.runId,
        runs,
        results: result.tasks,
      });
  if (written?.isOk()) {
    session.reporter.emit({
      type: 'notice',
      message: `saved plan written to ${out}: \`changeplane apply ${out}\` starts exactly these ${written.value.tasks.length} change set(s)`,
    });
    return reportRun(session, journaling, result, onEmulators);
  }
  const why = written?.isErr() ? written.error : 'the run stopped';
  session.reporter.emit({ type: 'notice', message: `no saved plan was written to ${out}: ${why}` });
  const exitCode = await reportRun(session, journaling, result, onEmulators);
  return exitCode === ExitCode.success ? ExitCode.error : exitCode;
}
