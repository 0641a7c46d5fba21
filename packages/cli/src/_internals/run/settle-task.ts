import type { ChangeSetState } from '@changeplane/core';
import { adoptTask } from './adopt-task.js';
import type { RunContext } from './run-context.js';
import { reportFailure, reportStatus } from './task-events.js';
import type { Task, TaskState } from './task-state.js';

/**
 * started -> settled (or failed): waits for the change set to end (one an unfinished run started is adopted
 * first: see `adoptTask`). With `--detach`, a change set no other one depends on is left running. A stop
 * leaves it running too, and says so.
 */
export async function settleTask(task: Task, othersDependOnIt: boolean, context: RunContext): Promise<TaskState> {
  const { state } = task;
  if (state.phase !== 'started') return state;
  const { ref, handle } = state;
  const { reporter } = context;
  const running = { changeSetId: ref.changeSetId, detail: 'still running' };
  const kept = { changeSetId: ref.changeSetId, ...(handle ? { handle } : {}) };
  if (context.signal.aborted) return { phase: 'settled', outcome: { kind: 'interrupted', ref }, ...kept };
  if (context.options.detach && !othersDependOnIt) {
    reportStatus(reporter, task, 'detached', running);
    return { phase: 'settled', outcome: { kind: 'started', ref }, ...kept };
  }
  if (state.adopted) await adoptTask(task, ref, context);
  const settled = await task.run.connection.provider.waitUntilSettled(ref, {
    ...context.options.wait,
    signal: context.signal,
  });
  if (settled.isOk()) return settledState(task, settled.value, context);
  if (context.signal.aborted) {
    reportStatus(reporter, task, 'interrupted', running);
    return { phase: 'settled', outcome: { kind: 'interrupted', ref }, ...kept };
  }
  reportFailure(reporter, task, settled.error);
  return { phase: 'failed', stage: 'wait', error: settled.error, ...kept };
}

function settledState(task: Task, changeSet: ChangeSetState, context: RunContext): TaskState {
  const detail = {
    rawStatus: changeSet.rawStatus,
    changeSetId: changeSet.ref.changeSetId,
    ...(changeSet.reason ? { detail: changeSet.reason } : {}),
  };
  const outcome =
    changeSet.status === 'succeeded'
      ? ({ kind: 'succeeded', state: changeSet } as const)
      : changeSet.status === 'cancelled'
        ? ({ kind: 'cancelled', state: changeSet } as const)
        : ({ kind: 'failed', state: changeSet } as const);
  reportStatus(context.reporter, task, outcome.kind, detail);
  if (outcome.kind === 'succeeded' && changeSet.outputs && Object.keys(changeSet.outputs).length > 0) {
    context.reporter.emit({ type: 'task-outputs', task: task.key, outputs: changeSet.outputs });
  }
  const handle = 'handle' in task.state ? task.state.handle : undefined;
  return { phase: 'settled', outcome, changeSetId: changeSet.ref.changeSetId, ...(handle ? { handle } : {}) };
}
