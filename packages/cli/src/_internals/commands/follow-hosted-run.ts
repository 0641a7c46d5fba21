import type { ChangeplaneClient, ClientError, RunAccepted, RunStreamEvent, RunView } from '@changeplane/client';
import { ExitCode } from '../../exit-codes.js';
import type { RunEvent, SummaryRow, TaskStatus } from '../output/run-event.js';
import type { RunReporter } from '../output/run-reporter.js';
import { askCancelOrLeave } from './ask-cancel-or-leave.js';
import { exitCodeOfClientError, exitCodeOfRun } from './client-exit-code.js';

const placeInLinePollMs = 2_000;

/** A host event as the reporters take it: the CLI's own vocabulary, without the host's timestamp. */
function reportedEvent({ event }: RunStreamEvent): RunEvent {
  const { at: _at, ...rest } = event;
  return rest as unknown as RunEvent;
}

function summaryOf(run: RunView): SummaryRow[] {
  return run.tasks.map((task) => ({
    task: task.task,
    provider: task.provider,
    label: task.label,
    changes: task.changes ?? 0,
    status: task.status as TaskStatus,
    ...(task.changeSetId ? { changeSetId: task.changeSetId } : {}),
    ...(task.message ? { detail: task.message } : {}),
  }));
}

/** `run <id> queued: place 2 in line`; without the place when the host gave none (it was claimed at once). */
function queuedNotice(runId: string, place: number | undefined): string {
  return place === undefined ? `run ${runId} queued` : `run ${runId} queued: place ${place} in line`;
}

/** While the run waits in line and nothing has come on its stream, says where it stands when that changes. */
async function showPlaceInLine(
  client: ChangeplaneClient,
  accepted: RunAccepted,
  reporter: RunReporter,
  stop: () => boolean,
): Promise<void> {
  let shown = accepted.position;
  if (accepted.state === 'queued') reporter.emit({ type: 'notice', message: queuedNotice(accepted.id, shown) });
  while (!stop()) {
    await new Promise((resolve) => setTimeout(resolve, placeInLinePollMs).unref());
    if (stop()) return;
    const run = await client.getRun(accepted.id);
    if (run.isErr() || run.value.state !== 'queued') return;
    if (run.value.position !== shown && !stop()) {
      shown = run.value.position;
      reporter.emit({ type: 'notice', message: queuedNotice(accepted.id, shown) });
    }
  }
}

/** Ctrl-C: on a terminal, asks whether to cancel the run on the server; else (or when left) it goes on there. */
async function interrupted(client: ChangeplaneClient, runId: string, reporter: RunReporter): Promise<number> {
  reporter.close();
  const choice = process.stdin.isTTY ? await askCancelOrLeave(runId) : 'leave';
  let reason = `interrupted: run ${runId} goes on on the server (\`changeplane runs\` lists it)`;
  if (choice === 'cancel') {
    const cancelled = await client.cancel(runId);
    reason = cancelled.isOk()
      ? `interrupted: run ${runId} was cancelled on the server`
      : `interrupted: run ${runId} could not be cancelled (${cancelled.error.message})`;
  }
  reporter.emit({ type: 'run-finished', exitCode: ExitCode.interrupted, reason, summary: [] });
  return ExitCode.interrupted;
}

function failed(error: ClientError, reporter: RunReporter): number {
  const exitCode = exitCodeOfClientError(error);
  reporter.emit({ type: 'notice', message: error.message });
  reporter.emit({
    type: 'run-finished',
    exitCode,
    reason: `the run could not be followed: ${error.kind}`,
    summary: [],
  });
  return exitCode;
}

/**
 * Follows a submitted run to its end: its place in line while queued, then its events through the reporter
 * (the same live display and summary as `apply`). Answers apply's exit code; Ctrl-C answers 130.
 */
export async function followHostedRun(
  client: ChangeplaneClient,
  accepted: RunAccepted,
  reporter: RunReporter,
): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => (controller.signal.aborted ? process.exit(ExitCode.interrupted) : controller.abort());
  process.on('SIGINT', onSignal);
  let finished: number | undefined;
  let started = false;
  // Not awaited: it stops by itself at its next turn once the run has started or the wait is over.
  void showPlaceInLine(client, accepted, reporter, () => started || controller.signal.aborted);
  try {
    const waited = await client.wait(accepted.id, {
      signal: controller.signal,
      onEvent: (item) => {
        started = true;
        if (item.event.type === 'run-finished') finished = Number(item.event.exitCode);
        reporter.emit(reportedEvent(item));
      },
    });
    started = true;
    if (waited.isErr() && controller.signal.aborted) return await interrupted(client, accepted.id, reporter);
    if (waited.isErr()) return failed(waited.error, reporter);
    if (finished !== undefined) return finished;
    const run = waited.value;
    const exitCode = exitCodeOfRun(run);
    reporter.emit({
      type: 'run-finished',
      exitCode,
      reason: run.reason ?? `the run ${run.state}`,
      summary: summaryOf(run),
    });
    return exitCode;
  } finally {
    process.off('SIGINT', onSignal);
    reporter.close();
  }
}
