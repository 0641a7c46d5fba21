import type { TaskOutcome, TaskResult } from './task-outcome.js';
import type { Task, TaskState } from './task-state.js';

/** How a task ended, read off its state: the summary, the events and the exit code all come from this. */
function outcomeOf(state: TaskState): TaskOutcome {
  switch (state.phase) {
    case 'planned':
    case 'prepared':
      return { kind: 'not-started', reason: 'interrupted' };
    case 'started':
      // A change set that was started and not followed to its end is still running.
      return { kind: 'started', ref: state.ref };
    case 'settled':
      return state.outcome;
    case 'discarded':
      return state.reason === 'previewed'
        ? { kind: 'previewed', changes: state.handle.changes.length, kept: false }
        : { kind: 'not-started', reason: state.reason };
    case 'failed':
      if (state.stage === 'prepare') return { kind: 'prepare-failed', error: state.error };
      if (state.stage === 'start') return { kind: 'start-failed', error: state.error };
      return { kind: 'failed', error: state.error };
  }
}

function changeSetIdOf(state: TaskState): string | undefined {
  switch (state.phase) {
    case 'planned':
      return undefined;
    case 'started':
      return state.ref.changeSetId;
    case 'settled':
    case 'failed':
      return state.changeSetId ?? state.handle?.changeSetId;
    default:
      return state.handle.changeSetId;
  }
}

/** One line of the run's result. */
export function taskResult(task: Task): TaskResult {
  const handle = 'handle' in task.state ? task.state.handle : undefined;
  const changeSetId = changeSetIdOf(task.state);
  return {
    task: task.key,
    label: task.target.label,
    provider: task.run.descriptor.id,
    changeCount: handle?.changes.length ?? task.target.changeCount,
    ...(changeSetId ? { changeSetId } : {}),
    ...(handle ? { handle } : {}),
    outcome: outcomeOf(task.state),
  };
}
