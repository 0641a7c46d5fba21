import type { ResultAsync } from 'neverthrow';
import type { StoreError } from '../host/host-store.js';
import type { HeldChangeSet, RunnerOutcome } from '../plan-runner.js';
import type { HostDatabase } from '../store/host-database.js';
import { claimWake } from '../store/host-notifications.js';

/**
 * Records how a run ended and releases its locks, except `keep` (locks whose change set is not final yet:
 * they heal later), in one statement: the state, the audit row, the release times and the NOTIFY that wakes
 * the claim loops. Only the server that carries the run may finish it; `false` when it no longer does.
 */
export function finishRun(
  db: HostDatabase,
  runId: string,
  serverId: string,
  outcome: RunnerOutcome,
  keep: readonly string[],
): ResultAsync<boolean, StoreError> {
  return db
    .query(
      'run finish',
      `WITH finished AS (
         UPDATE ${db.s}.runs SET state = $3, exit_code = $4, reason = $5, finished_at = clock_timestamp()
         WHERE id = $1 AND server_id = $2 AND finished_at IS NULL RETURNING id, tenant),
       released AS (
         DELETE FROM ${db.s}.held_locks WHERE run_id = $1 AND NOT (key = ANY ($6::text[]))
           AND EXISTS (SELECT 1 FROM finished) RETURNING key),
       stamped AS (
         INSERT INTO ${db.s}.lock_releases (key, released_at) SELECT key, clock_timestamp() FROM released
         ON CONFLICT (key) DO UPDATE SET released_at = excluded.released_at),
       logged AS (
         INSERT INTO ${db.s}.audit (actor, tenant, run, action, detail)
         SELECT 'server:' || $2, tenant, id, 'finished',
                jsonb_build_object('state', $3::text, 'exitCode', $4::integer, 'reason', $5::text, 'healing', to_jsonb($6::text[]))
         FROM finished)
       SELECT pg_notify($7, $1::text), pg_notify($7, $8) FROM finished`,
      [runId, serverId, outcome.state, outcome.exitCode, outcome.reason, keep, db.channel, claimWake],
    )
    .map((result) => result.rowCount === 1);
}

/** The change sets recorded on a run's locks, each with the keys it holds. */
export function heldChangeSets(
  db: HostDatabase,
  runId: string,
): ResultAsync<readonly { keys: readonly string[]; changeSet: HeldChangeSet }[], StoreError> {
  return db
    .query<{ keys: string[]; change_set: HeldChangeSet }>(
      'held locks read',
      `SELECT array_agg(key ORDER BY key) AS keys, change_set FROM ${db.s}.held_locks
       WHERE run_id = $1 AND change_set IS NOT NULL GROUP BY change_set`,
      [runId],
    )
    .map((result) => result.rows.map((row) => ({ keys: row.keys, changeSet: row.change_set })));
}

/** Locks still held by finished runs (healing), grouped by run and change set (null when none recorded). */
export function healingLocks(
  db: HostDatabase,
): ResultAsync<readonly { runId: string; keys: readonly string[]; changeSet: HeldChangeSet | null }[], StoreError> {
  return db
    .query<{ run_id: string; keys: string[]; change_set: HeldChangeSet | null }>(
      'healing locks read',
      `SELECT h.run_id, array_agg(h.key ORDER BY h.key) AS keys, h.change_set FROM ${db.s}.held_locks h
       JOIN ${db.s}.runs r ON r.id = h.run_id WHERE r.finished_at IS NOT NULL
       GROUP BY h.run_id, h.change_set LIMIT 100`,
    )
    .map((result) => result.rows.map((row) => ({ runId: row.run_id, keys: row.keys, changeSet: row.change_set })));
}

/** Frees locks of a finished run whose change set the provider reports final, and wakes the claim loops. */
export function releaseHealed(
  db: HostDatabase,
  runId: string,
  keys: readonly string[],
): ResultAsync<number, StoreError> {
  return db
    .query(
      'healed lock release',
      `WITH released AS (
         DELETE FROM ${db.s}.held_locks h USING ${db.s}.runs r
         WHERE h.run_id = $1 AND h.key = ANY ($2::text[]) AND r.id = h.run_id AND r.finished_at IS NOT NULL
         RETURNING h.key),
       stamped AS (
         INSERT INTO ${db.s}.lock_releases (key, released_at) SELECT key, clock_timestamp() FROM released
         ON CONFLICT (key) DO UPDATE SET released_at = excluded.released_at)
       SELECT key, pg_notify($3, $4) FROM released`,
      [runId, keys, db.channel, claimWake],
    )
    .map((result) => result.rowCount ?? 0);
}
