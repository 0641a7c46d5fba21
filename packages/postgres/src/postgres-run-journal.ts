import { EntryLogRunJournal, type JournalEntry, type RunJournalError } from '@changeplane/core';
import { ResultAsync } from 'neverthrow';
import { PostgresConnection } from './postgres-connection.js';
import type { PostgresStoreOptions } from './postgres-store-options.js';

/**
 * The run journal of many bots: every entry a row of `run_entries` (jsonb, in insert order), written by a
 * committed INSERT before `recordIntent`/`recordOutcome` resolve. Any bot can resume a run another bot left
 * unfinished (same plan hash), and `listChangeSets` sees every run of every bot.
 */
export class PostgresRunJournal extends EntryLogRunJournal {
  readonly #db: PostgresConnection;

  constructor(options: PostgresStoreOptions | PostgresConnection, now?: () => Date) {
    super(now);
    this.#db = options instanceof PostgresConnection ? options : new PostgresConnection(options);
  }

  protected append(entry: JournalEntry): ResultAsync<void, RunJournalError> {
    return ResultAsync.fromPromise(
      this.#db.query(`INSERT INTO ${this.#db.table('run_entries')} (run_id, entry) VALUES ($1, $2)`, [
        entry.runId,
        JSON.stringify(entry),
      ]),
      (cause) => this.#db.error('append', cause),
    ).map(() => undefined);
  }

  protected readAll(): ResultAsync<JournalEntry[], RunJournalError> {
    return ResultAsync.fromPromise(
      this.#db.query<{ entry: JournalEntry }>(`SELECT entry FROM ${this.#db.table('run_entries')} ORDER BY seq`),
      (cause) => this.#db.error('read', cause),
    ).map((result) => result.rows.map((row) => row.entry));
  }

  protected override readRun(runId: string): ResultAsync<JournalEntry[], RunJournalError> {
    return ResultAsync.fromPromise(
      this.#db.query<{ entry: JournalEntry }>(
        `SELECT entry FROM ${this.#db.table('run_entries')} WHERE run_id = $1 ORDER BY seq`,
        [runId],
      ),
      (cause) => this.#db.error('read', cause),
    ).map((result) => result.rows.map((row) => row.entry));
  }

  /** Only the entries of the plan's runs: a host with thousands of runs starts each one without reading them all. */
  protected override readPlanRuns(planHash: string): ResultAsync<JournalEntry[], RunJournalError> {
    const table = this.#db.table('run_entries');
    return ResultAsync.fromPromise(
      this.#db.query<{ entry: JournalEntry }>(
        `SELECT entry FROM ${table} WHERE run_id IN (
           SELECT run_id FROM ${table} WHERE entry->>'type' = 'run-started' AND entry->>'planHash' = $1)
         ORDER BY seq`,
        [planHash],
      ),
      (cause) => this.#db.error('read', cause),
    ).map((result) => result.rows.map((row) => row.entry));
  }

  /** Closes the pool it made (not one the caller passed). */
  override close(): ResultAsync<void, RunJournalError> {
    return ResultAsync.fromPromise(this.#db.close(), (cause) => this.#db.error('close', cause));
  }
}
