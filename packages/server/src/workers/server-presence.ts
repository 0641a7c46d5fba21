import type { ResultAsync } from 'neverthrow';
import type { StoreError } from '../host/host-store.js';
import type { HostDatabase } from '../store/host-database.js';

/**
 * The server's heartbeat: a server whose row is older than `deadAfterMs` is dead and its runs are adopted.
 * Only the first beat of a (re)start, `revive`, clears `gone`: a beat still in flight after a drain must not.
 */
export function heartbeat(
  db: HostDatabase,
  serverId: string,
  draining: boolean,
  revive = false,
): ResultAsync<void, StoreError> {
  return db
    .query(
      'heartbeat',
      `INSERT INTO ${db.s}.servers (id, heartbeat_at, draining, gone) VALUES ($1, clock_timestamp(), $2, false)
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = clock_timestamp(), draining = $2,
         gone = CASE WHEN $3 THEN false ELSE ${db.s}.servers.gone END`,
      [serverId, draining, revive],
    )
    .map(() => undefined);
}

/**
 * Gives this server's unfinished runs back (`server_id` NULL): another server, or this one on its next
 * start, adopts them at once. `runIds` limits it to those runs; without it, every run the row names (a
 * restart under the same id finds runs of its previous life).
 */
export function handOver(
  db: HostDatabase,
  serverId: string,
  runIds?: readonly string[],
): ResultAsync<number, StoreError> {
  return db
    .query(
      'hand over',
      `WITH handed AS (
         UPDATE ${db.s}.runs SET server_id = NULL
         WHERE server_id = $1 AND finished_at IS NULL AND started_at IS NOT NULL
           AND ($2::uuid[] IS NULL OR id = ANY ($2::uuid[]))
         RETURNING id, tenant),
       logged AS (
         INSERT INTO ${db.s}.audit (actor, tenant, run, action, detail)
         SELECT 'server:' || $1, tenant, id, 'handed-over', NULL FROM handed)
       SELECT id, pg_notify($3, $4) FROM handed`,
      [serverId, runIds ? [...runIds] : null, db.channel, 'claim'],
    )
    .map((result) => result.rowCount ?? 0);
}

/** The server is gone (drained): its row stays, marked, so nothing waits for its heartbeat to age. */
export function markGone(db: HostDatabase, serverId: string): ResultAsync<void, StoreError> {
  return db
    .query('server gone', `UPDATE ${db.s}.servers SET gone = true, draining = true WHERE id = $1`, [serverId])
    .map(() => undefined);
}
