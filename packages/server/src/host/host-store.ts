import type { ResultAsync } from 'neverthrow';
import type { CheckedPlan, RunnerEvent } from '../plan-runner.js';
import type { RunState, RunView } from './run-view.js';

/** A failure of the host's store: the database could not be reached, or refused a statement. */
export interface StoreError {
  readonly kind: 'store';
  readonly message: string;
  readonly cause?: unknown;
}

/** What a token may do: its tenant, its scopes, and its roles. Never the token itself. */
export interface TokenIdentity {
  readonly name: string;
  readonly tenant: string;
  /** `<provider id>:<target glob>` or `*` (docs/server.md, "Scopes"). */
  readonly scopes: readonly string[];
  readonly approver: boolean;
  readonly admin: boolean;
  /** Runs this token submits wait for an approver once planned. */
  readonly requiresApproval: boolean;
}

export interface TokenListing extends TokenIdentity {
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/** One append-only audit row. */
export interface AuditRow {
  readonly id: string;
  readonly at: string;
  /** The token's name, `server:<id>` for what a server does, `unknown` for a refused bearer. */
  readonly actor: string;
  readonly tenant?: string;
  readonly run?: string;
  /** `submitted`, `approved`, `rejected`, `cancelled`, `started`, `finished`, `lock-handoff`, `auth-refused`, ... */
  readonly action: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** One event of a run's log: its id is what SSE sends as `id:` and takes back as `Last-Event-ID`. */
export interface StoredEvent {
  readonly id: number;
  readonly runId: string;
  readonly event: RunnerEvent;
}

export interface Page<Item> {
  readonly items: readonly Item[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  readonly next?: string;
}

/** What `submit` is given: a checked plan and who sends it. */
export interface Submission {
  readonly identity: TokenIdentity;
  readonly plan: CheckedPlan;
  readonly idempotencyKey?: string;
}

export type SubmitError =
  | StoreError
  | { readonly kind: 'idempotency-conflict'; readonly message: string; readonly runId: string };

export type RunActionError =
  | StoreError
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'conflict'; readonly message: string; readonly state: RunState };

/**
 * The host's state in PostgreSQL: runs and their queue, locks, events, tokens and audit. Every server process
 * shares it; none holds anything a kill -9 can lose.
 */
export interface HostStore {
  createToken(
    identity: TokenIdentity,
  ): ResultAsync<{ readonly token: string }, StoreError | { kind: 'exists'; message: string }>;
  listTokens(): ResultAsync<readonly TokenListing[], StoreError>;
  revokeToken(name: string): ResultAsync<boolean, StoreError>;
  /** The identity of a presented bearer token; `undefined` when unknown or revoked. */
  verifyToken(token: string): ResultAsync<TokenIdentity | undefined, StoreError>;

  /** Queues a run (or returns the run an earlier submission with the same key made). */
  submit(submission: Submission): ResultAsync<{ readonly run: RunView; readonly created: boolean }, SubmitError>;
  getRun(runId: string): ResultAsync<RunView | undefined, StoreError>;
  listRuns(filter: {
    readonly tenant?: string;
    readonly state?: RunState;
    readonly cursor?: string;
    readonly limit?: number;
  }): ResultAsync<Page<RunView>, StoreError>;
  cancel(runId: string, actor: TokenIdentity): ResultAsync<RunView, RunActionError>;
  /** Approves (or rejects) a run awaiting approval; a digest other than the run's is a conflict. */
  approve(runId: string, digest: string, approve: boolean, actor: TokenIdentity): ResultAsync<RunView, RunActionError>;

  /** The events of a run after `afterId` (all when absent), in order. */
  readEvents(runId: string, afterId?: number): ResultAsync<readonly StoredEvent[], StoreError>;
  /** Calls `listener` whenever the run gets new events or changes state; returns the unsubscribe. */
  watch(runId: string, listener: () => void): Promise<() => Promise<void>>;

  appendAudit(row: Omit<AuditRow, 'id' | 'at'>): ResultAsync<void, StoreError>;
  readAudit(filter: {
    readonly tenant?: string;
    readonly run?: string;
    readonly since?: string;
    readonly cursor?: string;
    readonly limit?: number;
  }): ResultAsync<Page<AuditRow>, StoreError>;

  /** Whether the database answers and the migrations are done (`/readyz`). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}
