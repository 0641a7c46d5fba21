import { randomUUID } from 'node:crypto';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { deriveClientToken } from '../_internals/journal/derive-client-token.js';
import { listJournalChangeSets } from '../_internals/journal/list-journal-change-sets.js';
import { replayRun, runRecordsOf } from '../_internals/journal/replay-run.js';
import type { ConnectionRecord } from '../descriptor/provider-connection.js';
import { serializeChangeSetError } from '../errors/serialize-change-set-error.js';
import { mayHaveTakenEffect } from '../errors/with-client-token.js';
import type { JournalChangeSet } from './journal-change-set.js';
import type { ConnectionsEntry, IntentEntry, JournalEntry, OutcomeEntry } from './journal-entry.js';
import type { JournalOperation } from './journal-operation.js';
import type { JournalIntent, JournalOutcome, RunJournal, StartRunOptions } from './run-journal.js';
import { type RunJournalError, runJournalError } from './run-journal-error.js';
import type { RunFinishStatus, RunRecord, StartedRun } from './run-record.js';
import type { RunReplay } from './run-replay.js';

/**
 * A run journal over an append-only log of entries: a store supplies `append` and `readAll` (and may
 * override `readRun`, `beginRun`, `endRun`), everything else is the pure replay of the entries.
 */
export abstract class EntryLogRunJournal implements RunJournal {
  readonly #now: () => Date;

  protected constructor(now: () => Date = () => new Date()) {
    this.#now = now;
  }

  /** Appends one entry durably: resolves only once the entry survives a crash. */
  protected abstract append(entry: JournalEntry): ResultAsync<void, RunJournalError>;
  /** Every entry, in the order written. */
  protected abstract readAll(): ResultAsync<JournalEntry[], RunJournalError>;

  /** The entries of one run (a store may answer this without reading everything). */
  protected readRun(runId: string): ResultAsync<JournalEntry[], RunJournalError> {
    return this.readAll().map((entries) => entries.filter((entry) => entry.runId === runId));
  }

  /**
   * The entries of the runs of one plan, at least (a store may answer this without reading everything): what
   * `startRun` looks at to pick up the plan's unfinished run.
   */
  protected readPlanRuns(_planHash: string): ResultAsync<JournalEntry[], RunJournalError> {
    return this.readAll();
  }

  /** Called before a run starts or resumes in this process (the file journal takes its lock here). */
  protected beginRun(): ResultAsync<void, RunJournalError> {
    return okAsync(undefined);
  }

  /** Called when this process is done with its run. */
  protected endRun(): ResultAsync<void, RunJournalError> {
    return okAsync(undefined);
  }

  startRun(planHash: string, options: StartRunOptions = {}): ResultAsync<StartedRun, RunJournalError> {
    return this.beginRun()
      .andThen(() => (options.newRun ? okAsync(undefined) : this.findUnfinishedRun(planHash)))
      .andThen((unfinished): ResultAsync<StartedRun, RunJournalError> => {
        if (unfinished) return okAsync({ ...unfinished, resumed: true });
        const entry: JournalEntry = {
          type: 'run-started',
          runId: randomUUID(),
          planHash,
          ...(options.command ? { command: options.command } : {}),
          ...(options.plan ? { plan: options.plan } : {}),
          at: this.#at(),
        };
        return this.append(entry).map(
          (): StartedRun => ({
            runId: entry.runId,
            planHash,
            ...(options.command ? { command: options.command } : {}),
            ...(options.plan ? { plan: options.plan } : {}),
            startedAt: entry.at,
            status: 'unfinished',
            resumed: false,
          }),
        );
      });
  }

  findUnfinishedRun(planHash: string): ResultAsync<RunRecord | undefined, RunJournalError> {
    return this.readPlanRuns(planHash).map((entries) =>
      runRecordsOf(entries)
        .filter((run) => run.planHash === planHash && run.status === 'unfinished')
        .at(-1),
    );
  }

  listRuns(): ResultAsync<RunRecord[], RunJournalError> {
    return this.readAll().map(runRecordsOf);
  }

  clientToken(runId: string, taskKey: string, operation: JournalOperation): string {
    return deriveClientToken(runId, taskKey, operation);
  }

  /** Records how the run reaches each provider, never credentials. */
  recordConnections(
    runId: string,
    providers: Readonly<Record<string, ConnectionRecord>>,
  ): ResultAsync<ConnectionsEntry, RunJournalError> {
    const entry: ConnectionsEntry = { type: 'connections', runId, providers, at: this.#at() };
    return this.append(entry).map(() => entry);
  }

  /** Records what is about to be done, before the provider call. */
  recordIntent(intent: JournalIntent): ResultAsync<IntentEntry, RunJournalError> {
    const entry: IntentEntry = {
      type: 'intent',
      runId: intent.runId,
      taskKey: intent.taskKey,
      operation: intent.operation,
      provider: intent.provider,
      ...(intent.label ? { label: intent.label } : {}),
      clientToken: intent.clientToken ?? this.clientToken(intent.runId, intent.taskKey, intent.operation),
      ...(intent.changeSetId ? { changeSetId: intent.changeSetId } : {}),
      at: this.#at(),
    };
    return this.append(entry).map(() => entry);
  }

  /** Records what came of a call, after it. */
  recordOutcome(outcome: JournalOutcome): ResultAsync<OutcomeEntry, RunJournalError> {
    const base = {
      type: 'outcome' as const,
      runId: outcome.runId,
      taskKey: outcome.taskKey,
      operation: outcome.operation,
      clientToken: outcome.clientToken ?? this.clientToken(outcome.runId, outcome.taskKey, outcome.operation),
      at: this.#at(),
    };
    const { result } = outcome;
    const entry: OutcomeEntry =
      'error' in result
        ? {
            ...base,
            ok: false,
            error: serializeChangeSetError(result.error),
            mayHaveTakenEffect: mayHaveTakenEffect(result.error),
          }
        : { ...base, ok: true, ...result };
    return this.append(entry).map(() => entry);
  }

  /** Marks the run ended, so a re-run of the plan starts a new one. */
  finishRun(runId: string, status: RunFinishStatus): ResultAsync<RunRecord, RunJournalError> {
    return this.#run(runId)
      .andThen((run) => {
        const entry: JournalEntry = { type: 'run-finished', runId, status, at: this.#at() };
        return this.append(entry).map((): RunRecord => ({ ...run, status, finishedAt: entry.at }));
      })
      .andThen((run) => this.endRun().map(() => run));
  }

  listChangeSets(): ResultAsync<JournalChangeSet[], RunJournalError> {
    return this.readAll().map(listJournalChangeSets);
  }

  replay(runId: string, taskKeys: readonly string[] = []): ResultAsync<RunReplay, RunJournalError> {
    return this.readRun(runId).andThen((entries) => {
      const run = runRecordsOf(entries)[0];
      if (!run) return errAsync(runJournalError('not-found', `no run ${runId} in the journal`));
      return okAsync(replayRun(run, entries, taskKeys));
    });
  }

  close(): ResultAsync<void, RunJournalError> {
    return this.endRun();
  }

  #run(runId: string): ResultAsync<RunRecord, RunJournalError> {
    return this.readRun(runId).andThen((entries) => {
      const run = runRecordsOf(entries)[0];
      return run ? okAsync(run) : errAsync(runJournalError('not-found', `no run ${runId} in the journal`));
    });
  }

  #at(): string {
    return this.#now().toISOString();
  }
}
