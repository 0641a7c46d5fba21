import { err, ok, type Result, type ResultAsync } from 'neverthrow';
import type pg from 'pg';
import type {
  AuditRow,
  HostStore,
  Page,
  RunActionError,
  StoredEvent,
  StoreError,
  Submission,
  SubmitError,
  TokenIdentity,
  TokenListing,
} from '../host/host-store.js';
import type { RunView } from '../host/run-view.js';
import { type AuditFilter, appendAudit, readAudit } from './audit-queries.js';
import { HostDatabase } from './host-database.js';
import { approveRun, cancelRun } from './run-actions.js';
import { getRun, listRuns, type RunFilter, readEvents, submitRun } from './run-queries.js';
import { createToken, listTokens, revokeToken, verifyToken } from './token-queries.js';

/** How to reach the store: a connection string (the store owns its pool) or a pool the caller owns. */
export type PostgresHostStoreConnection = { readonly connectionString: string } | { readonly pool: pg.Pool };

export interface PostgresHostStoreOptions {
  /** The schema of the host's tables (default `changeplane_host`). */
  readonly schema?: string;
}

/**
 * The bot host's state in PostgreSQL (runs, queue, locks, events, tokens, audit), shared by every server on
 * the database. Statements that change a run NOTIFY the run's id on one channel, read by one LISTEN connection.
 */
export class PostgresHostStore implements HostStore {
  /** The pool, schema and notifications: the queue and the workers run their statements through it. */
  readonly database: HostDatabase;

  private constructor(database: HostDatabase) {
    this.database = database;
  }

  /** Opens the store and runs its migrations (idempotent, safe when servers start together). */
  static async open(
    connection: PostgresHostStoreConnection,
    options: PostgresHostStoreOptions = {},
  ): Promise<Result<PostgresHostStore, StoreError>> {
    const database = HostDatabase.create(connection, options.schema);
    if (database instanceof RangeError) return err({ kind: 'store', message: database.message });
    const migrated = await database.migrate();
    if (migrated.isErr()) {
      await database.close();
      return err(migrated.error);
    }
    return ok(new PostgresHostStore(database));
  }

  createToken(identity: TokenIdentity) {
    return createToken(this.database, identity);
  }

  listTokens(): ResultAsync<readonly TokenListing[], StoreError> {
    return listTokens(this.database);
  }

  revokeToken(name: string): ResultAsync<boolean, StoreError> {
    return revokeToken(this.database, name);
  }

  verifyToken(token: string): ResultAsync<TokenIdentity | undefined, StoreError> {
    return verifyToken(this.database, token);
  }

  submit(submission: Submission): ResultAsync<{ readonly run: RunView; readonly created: boolean }, SubmitError> {
    return submitRun(this.database, submission);
  }

  getRun(runId: string): ResultAsync<RunView | undefined, StoreError> {
    return getRun(this.database, runId);
  }

  listRuns(filter: RunFilter): ResultAsync<Page<RunView>, StoreError> {
    return listRuns(this.database, filter);
  }

  cancel(runId: string, actor: TokenIdentity): ResultAsync<RunView, RunActionError> {
    return cancelRun(this.database, runId, actor);
  }

  approve(runId: string, digest: string, approve: boolean, actor: TokenIdentity): ResultAsync<RunView, RunActionError> {
    return approveRun(this.database, runId, digest, approve, actor);
  }

  readEvents(runId: string, afterId?: number): ResultAsync<readonly StoredEvent[], StoreError> {
    return readEvents(this.database, runId, afterId);
  }

  watch(runId: string, listener: () => void): Promise<() => Promise<void>> {
    return this.database.notifications.subscribe(runId, listener);
  }

  appendAudit(row: Omit<AuditRow, 'id' | 'at'>): ResultAsync<void, StoreError> {
    return appendAudit(this.database, row);
  }

  readAudit(filter: AuditFilter): ResultAsync<Page<AuditRow>, StoreError> {
    return readAudit(this.database, filter);
  }

  async ready(): Promise<boolean> {
    const answered = await this.database.query('readiness', 'SELECT 1');
    return answered.isOk();
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
