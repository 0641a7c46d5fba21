import type { ResultAsync } from 'neverthrow';
import type { StoreError } from '../host/host-store.js';
import type { HeldChangeSet } from '../plan-runner.js';
import { waitingRuns } from '../queue/queue-functions.js';
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

/** Every held lock with its holder and its waiting line, by key, in one statement. */
export function listHeldLocks(db: HostDatabase): ResultAsync<readonly HeldLock[], StoreError> {
  return db
    .query<HeldLockRow>(
      'held locks list',
      `WITH waiting AS (${waitingRuns(db.s)})
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
