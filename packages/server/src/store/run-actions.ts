import type { ResultAsync } from 'neverthrow';
import type { RunActionError, TokenIdentity } from '../host/host-store.js';
import type { RunView } from '../host/run-view.js';
import { isUuid } from './audit-queries.js';
import type { HostDatabase } from './host-database.js';
import { claimWake } from './host-notifications.js';
import { actionRefused, withPlaces } from './run-queries.js';
import { type RunRow, runViewColumns } from './run-row.js';

/**
 * Cancels a run: one still waiting is cancelled at once; one a server carries out gets `cancel_requested`,
 * and its server aborts it (it sees the NOTIFY). A finished run is a conflict.
 */
export function cancelRun(db: HostDatabase, runId: string, actor: TokenIdentity): ResultAsync<RunView, RunActionError> {
  if (!isUuid(runId)) return actionRefused(db, runId, () => '');
  return db
    .query<RunRow>(
      'run cancel',
      `WITH changed AS (
         UPDATE ${db.s}.runs SET cancel_requested = true,
           state = CASE WHEN started_at IS NULL THEN 'cancelled' ELSE state END,
           finished_at = CASE WHEN started_at IS NULL THEN clock_timestamp() ELSE finished_at END,
           reason = CASE WHEN started_at IS NULL THEN 'cancelled by ' ELSE 'cancel requested by ' END || $2
         WHERE id = $1 AND finished_at IS NULL RETURNING ${runViewColumns}),
       logged AS (
         INSERT INTO ${db.s}.audit (actor, tenant, run, action, detail)
         SELECT $2, tenant, id, 'cancelled', jsonb_build_object('while', CASE WHEN started_at IS NULL THEN 'queued' ELSE 'running' END)
         FROM changed)
       SELECT changed.*, pg_notify($3, id::text), pg_notify($3, $4) FROM changed`,
      [runId, actor.name, db.channel, claimWake],
    )
    .andThen((result) =>
      result.rows[0]
        ? withPlaces(db, result.rows).map(([run]) => run!)
        : actionRefused(db, runId, (run) => `run ${runId} is ${run.state}: nothing to cancel`),
    );
}

/** Approves or rejects a run awaiting approval; the digest must be the one the run shows. */
export function approveRun(
  db: HostDatabase,
  runId: string,
  digest: string,
  approve: boolean,
  actor: TokenIdentity,
): ResultAsync<RunView, RunActionError> {
  if (!isUuid(runId)) return actionRefused(db, runId, () => '');
  return db
    .query<RunRow>(
      'run approve',
      `WITH changed AS (
         UPDATE ${db.s}.runs SET approval_decision = CASE WHEN $3 THEN 'approved' ELSE 'rejected' END,
           approval_by = $4,
           state = CASE WHEN $3 THEN 'running' ELSE state END,
           reason = CASE WHEN $3 THEN NULL ELSE 'rejected by ' || $4 END,
           cancel_requested = cancel_requested OR NOT $3
         WHERE id = $1 AND approval_digest = $2 AND approval_decision IS NULL AND finished_at IS NULL
         RETURNING ${runViewColumns}),
       logged AS (
         INSERT INTO ${db.s}.audit (actor, tenant, run, action, detail)
         SELECT $4, tenant, id, CASE WHEN $3 THEN 'approved' ELSE 'rejected' END, jsonb_build_object('digest', $2::text)
         FROM changed)
       SELECT changed.*, pg_notify($5, id::text) FROM changed`,
      [runId, digest, approve, actor.name, db.channel],
    )
    .andThen((result) =>
      result.rows[0]
        ? withPlaces(db, result.rows).map(([run]) => run!)
        : actionRefused(db, runId, (run) =>
            run.awaitingApproval
              ? `digest ${digest} is not the digest run ${runId} awaits approval for (${run.awaitingApproval.digest})`
              : `run ${runId} is not awaiting approval (${run.state})`,
          ),
    );
}
