import type { JournalEntry, OutcomeEntry } from '../../journal/journal-entry.js';
import type { JournalOperation } from '../../journal/journal-operation.js';
import type { RunRecord } from '../../journal/run-record.js';
import type { OperationReplay, RunReplay, TaskReplay, TaskState } from '../../journal/run-replay.js';

/** The runs the entries describe, in the order they started (a run's last `run-finished` wins). */
export function runRecordsOf(entries: readonly JournalEntry[]): RunRecord[] {
  const runs = new Map<string, RunRecord>();
  for (const entry of entries) {
    if (entry.type === 'run-started' && !runs.has(entry.runId)) {
      runs.set(entry.runId, {
        runId: entry.runId,
        planHash: entry.planHash,
        ...(entry.command ? { command: entry.command } : {}),
        ...(entry.plan ? { plan: entry.plan } : {}),
        startedAt: entry.at,
        status: 'unfinished',
      });
    } else if (entry.type === 'connections') {
      const run = runs.get(entry.runId);
      // The latest record wins: a resumed run may reach a provider elsewhere.
      if (run) runs.set(entry.runId, { ...run, providers: { ...run.providers, ...entry.providers } });
    } else if (entry.type === 'run-finished') {
      const run = runs.get(entry.runId);
      if (run) runs.set(entry.runId, { ...run, status: entry.status, finishedAt: entry.at });
    }
  }
  return [...runs.values()];
}

/**
 * Replays one run's entries into what is done, in flight, failed and left. `taskKeys` are the plan's tasks:
 * those the journal never saw are `left`; tasks the journal saw are reported whether named or not.
 */
export function replayRun(
  run: RunRecord,
  entries: readonly JournalEntry[],
  taskKeys: readonly string[] = [],
): RunReplay {
  const operations = new Map<string, Map<JournalOperation, OperationReplay>>();
  const order: string[] = [];
  const taskOf = (taskKey: string) => {
    let task = operations.get(taskKey);
    if (!task) {
      task = new Map();
      operations.set(taskKey, task);
      order.push(taskKey);
    }
    return task;
  };
  for (const entry of entries) {
    if (entry.runId !== run.runId) continue;
    if (entry.type === 'intent') {
      const task = taskOf(entry.taskKey);
      const previous = task.get(entry.operation);
      // A re-sent intent (a resumed run) keeps what the first outcome told, unless it is answered again.
      task.set(entry.operation, {
        ...(previous?.status === 'succeeded' ? previous : {}),
        operation: entry.operation,
        provider: entry.provider,
        clientToken: entry.clientToken,
        status: previous?.status === 'succeeded' ? 'succeeded' : 'in-flight',
        at: entry.at,
      });
    } else if (entry.type === 'outcome') {
      const task = taskOf(entry.taskKey);
      const previous = task.get(entry.operation);
      task.set(entry.operation, outcomeReplay(entry, previous?.provider ?? ''));
    }
  }
  for (const taskKey of taskKeys) taskOf(taskKey);

  const tasks = order.map((taskKey): TaskReplay => {
    const ops = [...(operations.get(taskKey)?.values() ?? [])];
    const handle = ops.find((op) => op.operation === 'create' && op.status === 'succeeded')?.handle;
    const ref = [...ops].reverse().find((op) => op.operation !== 'create' && op.status === 'succeeded')?.ref;
    return {
      taskKey,
      state: taskState(ops),
      operations: ops,
      ...(handle ? { handle } : {}),
      ...(ref ? { ref } : {}),
    };
  });
  const by = (state: TaskState) => tasks.filter((task) => task.state === state);
  return { run, done: by('done'), inFlight: by('in-flight'), failed: by('failed'), left: by('left') };
}

function outcomeReplay(entry: OutcomeEntry, provider: string): OperationReplay {
  const base = { operation: entry.operation, provider, clientToken: entry.clientToken, at: entry.at };
  if (entry.ok) {
    return {
      ...base,
      status: 'succeeded',
      ...(entry.handle ? { handle: entry.handle } : {}),
      ...(entry.ref ? { ref: entry.ref } : {}),
    };
  }
  return { ...base, status: entry.mayHaveTakenEffect ? 'in-flight' : 'failed', error: entry.error };
}

function taskState(ops: readonly OperationReplay[]): TaskState {
  if (ops.some((op) => op.status === 'in-flight')) return 'in-flight';
  const succeeded = (operation: JournalOperation) =>
    ops.find((op) => op.operation === operation && op.status === 'succeeded');
  if (succeeded('cancel') || succeeded('start')) return 'done';
  if (succeeded('create')?.handle?.outcome === 'no-changes') return 'done';
  if (ops.some((op) => op.status === 'failed')) return 'failed';
  return 'left';
}
