import type { ChangeSetHandle } from '@changeplane/core';
import type { RunContext } from './run-context.js';
import { reportFailure, reportStatus } from './task-events.js';
import type { Task, TaskState } from './task-state.js';

/**
 * planned -> prepared (or started, for a change set an unfinished run started; settled, when the provider
 * finds nothing to change; failed). A change set an unfinished run or a saved plan prepared is taken as it
 * is; otherwise `create` is called, its intent journaled before and its outcome after.
 * Stays `planned` when the run stops first.
 */
export async function prepareTask(task: Task, context: RunContext): Promise<TaskState> {
  const adopted = context.journal.adopted(task.key);
  if (adopted.ref) {
    // Started by the unfinished run: adopted as it is, never started twice.
    reportStatus(context.reporter, task, 'running', {
      changeSetId: adopted.ref.changeSetId,
      detail: 'started by the unfinished run',
    });
    return { phase: 'started', ref: adopted.ref, adopted: true };
  }
  reportStatus(context.reporter, task, 'creating');
  const handle = adopted.handle ?? context.options.saved?.get(task.key);
  if (handle) return prepared(task, handle, context);
  return create(task, context);
}

async function create(task: Task, context: RunContext): Promise<TaskState> {
  const { journal } = context;
  const intent = await journal.intent(task, 'create');
  if (intent.isErr()) return context.journalFailed(intent.error, task.state);
  const created = await task.run.connection.provider.create(task.target.request, {
    validateOnServer: context.options.mode === 'plan',
    wait: context.options.wait,
    signal: context.signal,
    // With a lock wait, an entity another run holds now is waited for at start, not refused here.
    ...context.lockWait,
    clientToken: journal.token(task.key, 'create'),
    startToken: journal.token(task.key, 'start'),
  });
  const recorded = await journal.outcome(
    task.key,
    'create',
    created.isOk() ? { handle: created.value } : { error: created.error },
  );
  // A change set that exists but whose outcome could not be recorded stops the run all the same.
  if (recorded.isErr()) context.stop({ kind: 'journal-failed', failure: recorded.error });
  if (created.isErr()) {
    // Cut short by the stop: nothing was prepared.
    if (context.signal.aborted) return task.state;
    const { changeSetId } = created.error;
    reportFailure(context.reporter, task, created.error, changeSetId);
    return { phase: 'failed', stage: 'prepare', error: created.error, ...(changeSetId ? { changeSetId } : {}) };
  }
  return prepared(task, created.value, context);
}

function prepared(task: Task, handle: ChangeSetHandle, context: RunContext): TaskState {
  const { reporter } = context;
  for (const warning of handle.warnings ?? []) {
    reporter.emit({
      type: 'notice',
      message: `${task.target.label}: ${warning.path}: ${warning.message} (${warning.rule})`,
    });
  }
  reporter.emit({ type: 'task-changes', task: task.key, changes: handle.changes });
  if (handle.outcome === 'no-changes') {
    reportStatus(reporter, task, 'no-changes', { detail: 'the provider found nothing to change' });
    // Nothing changed, and the target's outputs are shown all the same, as after any apply.
    if (handle.outputs && context.options.mode === 'apply')
      reporter.emit({ type: 'task-outputs', task: task.key, outputs: handle.outputs });
    return { phase: 'settled', outcome: { kind: 'no-changes' }, handle };
  }
  const appliedBy = context.options.applied?.appliedBy(task.run.connection, handle);
  if (appliedBy) {
    reportStatus(reporter, task, 'no-changes', {
      detail: `unchanged: applied by run ${appliedBy.slice(0, 8)}; --replay sends it again`,
    });
    return { phase: 'settled', outcome: { kind: 'unchanged', appliedBy }, handle };
  }
  reportStatus(reporter, task, 'ready', handle.changeSetId ? { changeSetId: handle.changeSetId } : {});
  return { phase: 'prepared', handle };
}
