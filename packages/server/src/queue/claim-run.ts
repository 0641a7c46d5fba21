import type { ResultAsync } from 'neverthrow';
import type { StoreError } from '../host/host-store.js';
import type { RunTaskView } from '../host/run-view.js';
import type { HostDatabase } from '../store/host-database.js';

/** A run a server took: claimed from the queue or adopted from a dead server. */
export interface ClaimedRun {
  readonly id: string;
  readonly tenant: string;
  readonly document: unknown;
  readonly requiresApproval: boolean;
  readonly tasks: readonly RunTaskView[];
  readonly cancelRequested: boolean;
}

interface ClaimedRow {
  readonly id: string;
  readonly tenant: string;
  readonly document: unknown;
  readonly requires_approval: boolean;
  readonly tasks: RunTaskView[];
  readonly cancel_requested: boolean;
}

const claimed = (row: ClaimedRow): ClaimedRun => ({
  id: row.id,
  tenant: row.tenant,
  document: row.document,
  requiresApproval: row.requires_approval,
  tasks: row.tasks,
  cancelRequested: row.cancel_requested,
});

/**
 * Takes the next run whose locks are all free, with all its locks, in one round trip and one transaction
 * (`claim_run`, queue-functions.ts); `undefined` when none can start now.
 */
export function claimRun(db: HostDatabase, serverId: string): ResultAsync<ClaimedRun | undefined, StoreError> {
  return db
    .query<ClaimedRow>(
      'run claim',
      `SELECT id, tenant, document, requires_approval, tasks, cancel_requested FROM ${db.s}.claim_run($1)`,
      [serverId],
    )
    .map((result) => (result.rows[0] ? claimed(result.rows[0]) : undefined));
}

/** Takes over at most `max` runs of servers that stopped heartbeating for `deadAfterMs` (or handed them over). */
export function adoptRuns(
  db: HostDatabase,
  serverId: string,
  deadAfterMs: number,
  max: number,
): ResultAsync<readonly ClaimedRun[], StoreError> {
  return db
    .query<ClaimedRow>(
      'run adoption',
      `SELECT id, tenant, document, requires_approval, tasks, cancel_requested FROM ${db.s}.adopt_runs($1, $2, $3, $4)`,
      [serverId, Math.round(deadAfterMs), max, db.channel],
    )
    .map((result) => result.rows.map(claimed));
}
