import type { ResultAsync } from 'neverthrow';
import type { StoreError } from '../host/host-store.js';
import type { RunTaskView } from '../host/run-view.js';
import type { HeldChangeSet, RunnerEvent } from '../plan-runner.js';
import type { HostDatabase } from '../store/host-database.js';

/** Appends an event and the run's tasks after it, and tells the run's watchers: one round trip. */
export function appendEvent(
  db: HostDatabase,
  runId: string,
  event: RunnerEvent,
  tasks: readonly RunTaskView[] | undefined,
): ResultAsync<void, StoreError> {
  return db
    .query(
      'event append',
      `WITH appended AS (INSERT INTO ${db.s}.run_events (run_id, event) VALUES ($1, $2) RETURNING id),
       updated AS (UPDATE ${db.s}.runs SET tasks = $3::jsonb WHERE id = $1 AND $3::jsonb IS NOT NULL)
       SELECT id, pg_notify($4, $1::text) FROM appended`,
      [runId, JSON.stringify(event), tasks ? JSON.stringify(tasks) : null, db.channel],
    )
    .map(() => undefined);
}

/** Records a started change set on the run's locks it names, so a stale lock can be healed from it. */
export function recordHolding(
  db: HostDatabase,
  runId: string,
  changeSet: HeldChangeSet,
): ResultAsync<void, StoreError> {
  return db
    .query('holding record', `UPDATE ${db.s}.held_locks SET change_set = $3 WHERE run_id = $1 AND key = ANY ($2)`, [
      runId,
      [...changeSet.locks],
      JSON.stringify(changeSet),
    ])
    .map(() => undefined);
}

/** The run waits for an approver: back to `queued` with the digest an approval must carry. */
export function markAwaitingApproval(db: HostDatabase, runId: string, digest: string): ResultAsync<void, StoreError> {
  return db
    .query(
      'approval request',
      `WITH asked AS (
         UPDATE ${db.s}.runs SET state = 'queued', reason = 'awaiting approval', approval_digest = $2,
           approval_decision = NULL, approval_by = NULL
         WHERE id = $1 AND finished_at IS NULL RETURNING id, tenant),
       logged AS (
         INSERT INTO ${db.s}.audit (actor, tenant, run, action, detail)
         SELECT 'server', tenant, id, 'approval-requested', jsonb_build_object('digest', $2::text) FROM asked)
       SELECT pg_notify($3, $1::text) FROM asked`,
      [runId, digest, db.channel],
    )
    .map(() => undefined);
}

/** What the people around a run asked of it: a cancel, and a decision on its approval. */
export interface RunControl {
  readonly cancelRequested: boolean;
  readonly approvalDecision: 'approved' | 'rejected' | undefined;
  readonly approvalDigest: string | undefined;
  /** The server that carries it now (another one when this one was taken for dead). */
  readonly serverId: string | undefined;
}

export function readControl(db: HostDatabase, runId: string): ResultAsync<RunControl | undefined, StoreError> {
  return db
    .query<{
      cancel_requested: boolean;
      approval_decision: 'approved' | 'rejected' | null;
      approval_digest: string | null;
      server_id: string | null;
    }>(
      'run control read',
      `SELECT cancel_requested, approval_decision, approval_digest, server_id FROM ${db.s}.runs WHERE id = $1`,
      [runId],
    )
    .map((result) => {
      const row = result.rows[0];
      if (!row) return undefined;
      return {
        cancelRequested: row.cancel_requested,
        approvalDecision: row.approval_decision ?? undefined,
        approvalDigest: row.approval_digest ?? undefined,
        serverId: row.server_id ?? undefined,
      };
    });
}
