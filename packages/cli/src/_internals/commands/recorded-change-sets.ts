import type { ChangeSetRef, JournalChangeSet, RunRecord } from '@changeplane/core';
import type { ConnectionRecord } from '@changeplane/core/adapter';
import { openRunStore } from '../run/open-run-store.js';
import { type CommonOptions, stateDirectory } from './common-options.js';

/** A change set a run created or started, as `status` and `cancel` find it. */
export interface RecordedChangeSet {
  readonly task: string;
  readonly label: string;
  readonly ref: ChangeSetRef;
  /** `prepared`: created and not started (ROS change sets waiting for execution); `started`: running or done. */
  readonly phase: 'prepared' | 'started';
}

/** Which runs `status` and `cancel` look at: the last one (default), one by id, or all. */
export interface RunSelection {
  /** `--run ID` (a prefix of the id is enough). */
  readonly run?: string;
  /** `--all`: every run in the journal. */
  readonly all?: boolean;
}

export interface RecordedChangeSets {
  /** Every change set the selected runs made that was not cancelled. */
  readonly entries: readonly RecordedChangeSet[];
  /** How the selected runs reached each provider (the latest run's record wins). */
  readonly providers: Readonly<Record<string, ConnectionRecord>>;
  /** Calls whose answer was never recorded (a crash): the change set may exist. */
  readonly unknown: readonly string[];
  /** The selected run, when one run is selected. */
  readonly run?: RunRecord;
  readonly problems: readonly string[];
}

/** What `status` and `cancel` act on: the run journal, the one record of every run. */
export async function recordedChangeSets(
  options: CommonOptions & RunSelection & { store?: string },
): Promise<RecordedChangeSets> {
  const store = await openRunStore(options.store ?? process.env.CHANGEPLANE_STORE, stateDirectory(options));
  if ('problem' in store) return { entries: [], providers: {}, unknown: [], problems: [store.problem] };
  try {
    const runs = await store.journal.listRuns();
    const listed = await store.journal.listChangeSets();
    if (runs.isErr()) return { entries: [], providers: {}, unknown: [], problems: [runs.error.message] };
    if (listed.isErr()) return { entries: [], providers: {}, unknown: [], problems: [listed.error.message] };
    const selected = selectRuns(runs.value, options);
    if ('problem' in selected) return { entries: [], providers: {}, unknown: [], problems: [selected.problem] };
    return recordedOf(selected.runs, listed.value, options.all === true);
  } finally {
    await store.close();
  }
}

function selectRuns(
  runs: readonly RunRecord[],
  selection: RunSelection,
): { readonly runs: readonly RunRecord[] } | { readonly problem: string } {
  if (selection.all) return { runs };
  if (selection.run) {
    const matching = runs.filter((run) => run.runId.startsWith(selection.run!));
    if (matching.length === 1) return { runs: matching };
    return {
      problem:
        matching.length === 0
          ? `no run ${selection.run} in the run journal`
          : `${selection.run} names ${matching.length} runs; give more of the id`,
    };
  }
  const last = runs.at(-1);
  return { runs: last ? [last] : [] };
}

function recordedOf(
  runs: readonly RunRecord[],
  changeSets: readonly JournalChangeSet[],
  labelWithRun: boolean,
): RecordedChangeSets {
  const ids = new Set(runs.map((run) => run.runId));
  const entries: RecordedChangeSet[] = [];
  const unknown: string[] = [];
  for (const item of changeSets) {
    if (!ids.has(item.runId)) continue;
    const label = `${item.label ?? item.taskKey}${labelWithRun ? ` (run ${item.runId.slice(0, 8)})` : ''}`;
    if (item.state === 'unknown') {
      unknown.push(
        `${label}: a ${item.provider} call was made whose answer was never recorded; applying the same plan again adopts what it made`,
      );
    } else if (item.state === 'created' && item.handle?.outcome === 'no-changes') {
    } else if (item.state !== 'cancelled' && item.ref) {
      entries.push({
        task: item.taskKey,
        label,
        ref: item.ref,
        phase: item.state === 'started' ? 'started' : 'prepared',
      });
    }
  }
  const providers = Object.assign({}, ...runs.map((run) => run.providers ?? {})) as Record<string, ConnectionRecord>;
  return { entries, providers, unknown, ...(runs.length === 1 ? { run: runs[0]! } : {}), problems: [] };
}
