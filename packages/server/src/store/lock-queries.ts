import type { ResultAsync } from 'neverthrow';
import type { StoreError } from '../host/host-store.js';
import type { HeldChangeSet } from '../plan-runner.js';
import type { HostDatabase } from './host-database.js';

/** A run waiting for a lock, by its id and tenant. */
export interface LockWaiter {
  readonly runId: string;
  readonly tenant: string;
}

/** A held lock: its key, the run holding it, since when, the change set recorded on it, and its waiting line. */
export interface HeldLock {
  readonly key: string;
  readonly runId: string;
  readonly tenant: string;
  readonly since: string;
  readonly changeSet?: HeldChangeSet;
  /** The queued runs that need this key, in the order the claim walks them (first in line first). */
  readonly waiting: readonly LockWaiter[];
}

interface HeldLockRow {
  readonly key: string;
  readonly run_id: string;
  readonly tenant: string;
  readonly change_set: HeldChangeSet | null;
  readonly held_since: Date;
  readonly waiting: LockWaiter[];
}

/**
 * The waiting runs in the claim's priority, the same expression as `claim_run` walks (queue/queue-functions.ts):
 * rank among the tenant's waiting runs, when the tenant was last served, submission order.
 */
function waitingInLineOrder(s: string): string {
  return `SELECT r.id, r.locks, r.tenant,
                 row_number() OVER (ORDER BY r.rank, coalesce(t.served, 0), r.seq) AS priority
          FROM (SELECT q.id, q.locks, q.tenant, q.seq,
                       row_number() OVER (PARTITION BY q.tenant ORDER BY q.seq) AS rank
                FROM ${s}.runs q
                WHERE q.started_at IS NULL AND q.state = 'queued' AND NOT q.cancel_requested) r
          LEFT JOIN ${s}.tenant_service t ON t.tenant = r.tenant`;
}

/** Every held lock with its holder and its waiting line, by key, in one statement. */
export function listHeldLocks(db: HostDatabase): ResultAsync<readonly HeldLock[], StoreError> {
  return db
    .query<HeldLockRow>(
      'held locks list',
      `WITH waiting AS (${waitingInLineOrder(db.s)})
       SELECT h.key, h.run_id, r.tenant, h.change_set, h.held_since,
              coalesce((SELECT jsonb_agg(jsonb_build_object('runId', w.id, 'tenant', w.tenant) ORDER BY w.priority)
                        FROM waiting w WHERE h.key = ANY (w.locks)), '[]'::jsonb) AS waiting
       FROM ${db.s}.held_locks h JOIN ${db.s}.runs r ON r.id = h.run_id
       ORDER BY h.key`,
    )
    .map((result) =>
      result.rows.map((row) => ({
        key: row.key,
        runId: row.run_id,
        tenant: row.tenant,
        since: row.held_since.toISOString(),
        ...(row.change_set ? { changeSet: row.change_set } : {}),
        waiting: row.waiting,
      })),
    );
}
