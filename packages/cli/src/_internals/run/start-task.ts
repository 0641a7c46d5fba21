import type { RunContext } from './run-context.js';
import { reportFailure, reportStatus } from './task-events.js';
import type { Task, TaskState } from './task-state.js';

/**
 * prepared -> started (or failed). Journals the start's intent before the call and its outcome after. The call
 * itself is not cut short by a stop: the change set it may make must be known to be recorded.
 */
export async function startTask(task: Task, context: RunContext): Promise<TaskState> {
  const { state } = task;
  if (state.phase !== 'prepared') return state;
  const { handle } = state;
  const { journal, reporter } = context;
  reportStatus(reporter, task, context.options.lockWaitMs ? 'waiting-for-lock' : 'starting');
  const intent = await journal.intent(task, 'start', handle.changeSetId);
  if (intent.isErr()) return context.journalFailed(intent.error, state);
  const started = await task.run.connection.provider.start(handle, context.lockWait);
  const recorded = await journal.outcome(
    task.key,
    'start',
    started.isOk() ? { ref: started.value } : { error: started.error },
  );
  if (recorded.isErr()) context.stop({ kind: 'journal-failed', failure: recorded.error });
  if (started.isErr()) {
    reportFailure(reporter, task, started.error);
    return { phase: 'failed', stage: 'start', error: started.error, handle };
  }
  const ref = started.value;
  reportStatus(reporter, task, 'running', { changeSetId: ref.changeSetId });
  return { phase: 'started', ref, handle, adopted: false };
}
