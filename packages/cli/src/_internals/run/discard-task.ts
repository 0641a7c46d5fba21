import { recordedReference } from './recorded-reference.js';
import type { RunContext } from './run-context.js';
import type { DiscardReason, Task, TaskState } from './task-state.js';

const explanation: Record<DiscardReason, string> = {
  previewed: 'shown; nothing was started',
  declined: 'apply was declined',
  'prepare-failed': 'another change set could not be prepared',
  interrupted: 'interrupted',
};

/**
 * prepared -> discarded: removes a change set that will not start (a provider that prepared nothing remote has
 * nothing to remove). When removing fails, the change set stays prepared and a notice says how to remove it.
 */
export async function discardTask(task: Task, reason: DiscardReason, context: RunContext): Promise<TaskState> {
  const { state } = task;
  if (state.phase !== 'prepared') return state;
  const { handle } = state;
  const provider = task.run.connection.provider;
  if (!provider.discard || !handle.changeSetId) return { phase: 'discarded', handle, reason };
  const { journal } = context;
  const intent = await journal.intent(task, 'cancel', handle.changeSetId);
  if (intent.isErr()) return context.journalFailed(intent.error, state);
  const removed = await provider.discard(handle);
  const recorded = await journal.outcome(
    task.key,
    'cancel',
    removed.isOk() ? { ref: recordedReference(handle, handle.changeSetId) } : { error: removed.error },
  );
  if (recorded.isErr()) context.stop({ kind: 'journal-failed', failure: recorded.error });
  if (removed.isErr()) {
    context.reporter.emit({
      type: 'notice',
      message: `${task.target.label}: change set ${handle.changeSetId} was left in place (${explanation[reason]}) because removing it failed: ${removed.error.message}; \`changeplane cancel ${task.key}\` removes it`,
    });
    return state;
  }
  return { phase: 'discarded', handle, reason };
}

/** prepared -> settled as previewed and kept: `plan --keep` leaves the change set for review. */
export function keepTask(task: Task): TaskState {
  const { state } = task;
  if (state.phase !== 'prepared') return state;
  const kept = state.handle.changeSetId !== undefined;
  return {
    phase: 'settled',
    outcome: { kind: 'previewed', changes: state.handle.changes.length, kept },
    handle: state.handle,
  };
}
