import { dirname } from 'node:path';
import type { ConnectionRecord } from '@changeplane/core/adapter';
import { openRunStore } from '../run/open-run-store.js';
import type { RunStateEntry } from '../state/run-state.js';
import { readRunState } from '../state/run-state-file.js';
import type { CommonOptions } from './common-options.js';

export interface RecordedChangeSets {
  /** Every change set a run made that was not cancelled: the last run's state, then the journal's other runs. */
  readonly entries: readonly RunStateEntry[];
  /** How the last run reached each provider (others are reached through the standard chains). */
  readonly providers: Readonly<Record<string, ConnectionRecord>>;
  /** Calls whose answer was never recorded (a crash): the change set may exist. */
  readonly unknown: readonly string[];
  readonly lastRun?: { readonly runId: string; readonly finished: boolean };
  readonly problems: readonly string[];
}

/**
 * What `status` and `cancel` act on: the state file of the last run, and the run journal of every run
 * (including change sets created just before a crash, which the state file may not hold yet).
 */
export async function recordedChangeSets(options: CommonOptions & { store?: string }): Promise<RecordedChangeSets> {
  const state = await readRunState(options.state);
  const entries: RunStateEntry[] = [...(state?.changeSets ?? [])];
  const known = new Set(entries.map((entry) => entry.ref.changeSetId));
  const unknown: string[] = [];
  const problems: string[] = [];
  const store = await openRunStore(options.store ?? process.env.CHANGEPLANE_STORE, dirname(options.state));
  if ('problem' in store) {
    problems.push(store.problem);
  } else {
    try {
      const listed = await store.journal.listChangeSets();
      if (listed.isErr()) problems.push(listed.error.message);
      else {
        for (const item of listed.value) {
          if (item.state === 'unknown') {
            unknown.push(
              `run ${item.runId} ${item.taskKey}: a ${item.provider} call was made whose answer was never recorded; applying the same plan again adopts what it made`,
            );
            continue;
          }
          if (item.state === 'cancelled' || !item.ref || known.has(item.ref.changeSetId)) continue;
          known.add(item.ref.changeSetId);
          entries.push({
            task: item.taskKey,
            label: `${item.taskKey} (run ${item.runId.slice(0, 8)})`,
            ref: item.ref,
            phase: item.state === 'started' ? 'started' : 'prepared',
          });
        }
      }
    } finally {
      await store.close();
    }
  }
  return {
    entries,
    providers: state?.providers ?? {},
    unknown,
    ...(state ? { lastRun: { runId: state.runId, finished: state.finished } } : {}),
    problems,
  };
}
