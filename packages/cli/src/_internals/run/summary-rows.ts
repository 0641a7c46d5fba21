import type { SummaryRow, TaskStatus } from '../output/run-event.js';
import type { TaskOutcome, TaskResult } from './task-outcome.js';

const statusOf: Record<TaskOutcome['kind'], TaskStatus> = {
  succeeded: 'succeeded',
  'no-changes': 'no-changes',
  unchanged: 'no-changes',
  previewed: 'previewed',
  started: 'detached',
  'prepare-failed': 'failed',
  'start-failed': 'failed',
  failed: 'failed',
  cancelled: 'cancelled',
  skipped: 'skipped',
  'not-started': 'not-started',
  interrupted: 'interrupted',
};

function detailOf(outcome: TaskOutcome): string | undefined {
  switch (outcome.kind) {
    case 'succeeded':
      return outcome.state.reason;
    case 'unchanged':
      return `unchanged: applied by run ${outcome.appliedBy.slice(0, 8)}; --replay sends it again`;
    case 'previewed':
      return outcome.kept ? 'prepared and left in place for review' : 'prepared, shown and removed again';
    case 'started':
      return 'still running; `changeplane status` follows it';
    case 'prepare-failed':
    case 'start-failed':
      return `${outcome.error.kind}${outcome.error.code ? ` ${outcome.error.code}` : ''}: ${outcome.error.message}`;
    case 'failed':
      return outcome.error
        ? `${outcome.error.kind}: ${outcome.error.message}`
        : (outcome.state?.reason ?? outcome.state?.rawStatus);
    case 'cancelled':
      return outcome.state.reason;
    case 'skipped':
      return `${outcome.blockedBy} did not succeed`;
    case 'not-started':
      return {
        declined: 'apply was declined',
        'prepare-failed': 'another change set could not be prepared',
        interrupted: 'interrupted',
      }[outcome.reason];
    case 'interrupted':
      return 'still running when interrupted';
    default:
      return undefined;
  }
}

/** The closing summary, derived from the outcomes alone. */
export function summaryRows(results: readonly TaskResult[]): SummaryRow[] {
  return results.map((result) => {
    const detail = detailOf(result.outcome);
    return {
      task: result.task,
      provider: result.provider,
      label: result.label,
      ...(result.changeSetId ? { changeSetId: result.changeSetId } : {}),
      changes: result.changeCount,
      status: statusOf[result.outcome.kind],
      ...(detail ? { detail } : {}),
    };
  });
}
