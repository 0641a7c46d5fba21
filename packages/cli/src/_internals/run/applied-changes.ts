import type { ChangeSetHandle, JournalChangeSet, RunJournal, RunRecord } from '@changeplane/core';
import type { ProviderConnection } from '@changeplane/core/adapter';
import type { ResultAsync } from 'neverthrow';
import type { JournalWriteFailure } from './run-journaling.js';

/** The change set that last started on an entity, by any run of the store. */
interface LastStart {
  readonly runId: string;
  readonly handle: ChangeSetHandle;
  /** The run that started it ended as succeeded: the change set did too. */
  readonly succeeded: boolean;
}

/**
 * What earlier runs of the same store applied, entity by entity and endpoint by endpoint: lets a re-applied
 * plan leave out a change set whose changes are applied already and that nothing has changed since. Read from
 * the run journal. What ran on an embedded emulator proves nothing: each run gets a fresh one.
 */
export class AppliedChanges {
  readonly #lastStart: ReadonlyMap<string, LastStart>;

  private constructor(lastStart: ReadonlyMap<string, LastStart>) {
    this.#lastStart = lastStart;
  }

  /** Nothing applied: every change set is sent (`--replay`, or a store without history). */
  static readonly none = new AppliedChanges(new Map());

  /** Every change set the journal's runs started, the latest per entity. */
  static read(journal: RunJournal): ResultAsync<AppliedChanges, JournalWriteFailure> {
    return journal
      .listRuns()
      .andThen((runs) => journal.listChangeSets().map((changeSets) => ({ runs, changeSets })))
      .map(({ runs, changeSets }) => new AppliedChanges(lastStarts(changeSets, runs)))
      .mapErr((error) => ({ message: `the run journal could not be read: ${error.message}` }));
  }

  /**
   * The run that applied exactly this change set, when the last change set started on each of its entities
   * is that one and its run succeeded; undefined when anything differs or the provider cannot tell.
   */
  appliedBy(connection: ProviderConnection, handle: ChangeSetHandle): string | undefined {
    const { provider, record } = connection;
    const fingerprint = provider.fingerprint?.(handle);
    if (!fingerprint || record.emulator || handle.entities.length === 0) return undefined;
    const runs = new Set<string>();
    for (const entity of handle.entities) {
      const last = this.#lastStart.get(placeOf(record.endpoint, entity));
      if (!last?.succeeded || provider.fingerprint?.(last.handle) !== fingerprint) return undefined;
      runs.add(last.runId);
    }
    return runs.size === 1 ? [...runs][0] : undefined;
  }
}

/** An entity as reached at one endpoint: the same identifier elsewhere is another entity. */
const placeOf = (endpoint: string, entity: string) => `${endpoint}\u0000${entity}`;

function lastStarts(changeSets: readonly JournalChangeSet[], runs: readonly RunRecord[]): Map<string, LastStart> {
  const byId = new Map(runs.map((run) => [run.runId, run]));
  const last = new Map<string, LastStart>();
  const started = changeSets
    .filter((item) => item.state === 'started' && item.handle)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const item of started) {
    const run = byId.get(item.runId);
    const endpoint = run?.providers?.[item.provider]?.endpoint;
    if (!endpoint) continue;
    const start = { runId: item.runId, handle: item.handle!, succeeded: run.status === 'succeeded' };
    for (const entity of item.handle!.entities) last.set(placeOf(endpoint, entity), start);
  }
  return last;
}
