import { errAsync, type ResultAsync } from 'neverthrow';
import type { HostStore, StoreError, TokenIdentity } from '../host/host-store.js';
import type { HeldChangeSet } from '../plan-runner.js';
import { HostDatabase } from '../store/host-database.js';
import { type HeldLock, type LockWaiter, listHeldLocks } from '../store/lock-queries.js';
import { readOverviewRuns } from '../store/overview-queries.js';
import type { HeldLockBody, OverviewBody } from './status-schemas.js';

/** The database behind a store, when it is the PostgreSQL one: the status routes read locks and the line there. */
export function statusDatabaseOf(store: HostStore): HostDatabase | undefined {
  const database = (store as { readonly database?: unknown }).database;
  return database instanceof HostDatabase ? database : undefined;
}

const noDatabase = (): ResultAsync<never, StoreError> =>
  errAsync({ kind: 'store', message: 'this store does not list locks (only the PostgreSQL host store does)' });

function visibleRun(identity: TokenIdentity, run: LockWaiter): HeldLockBody['holder'] {
  return identity.admin || identity.tenant === run.tenant
    ? { runId: run.runId, tenant: run.tenant }
    : { anotherTenant: true };
}

/**
 * The change set recorded on a lock, by provider and id: the reference itself also names the connection
 * (endpoint, credential source) and the start token, which are the server's business, not the page's.
 */
function changeSetSummary(changeSet: HeldChangeSet): { provider: string; changeSetId?: string } {
  const ref = changeSet.ref as { changeSetId?: unknown; changeSet?: { changeSetId?: unknown } } | null;
  const id = ref?.changeSet?.changeSetId ?? ref?.changeSetId;
  return typeof id === 'string' ? { provider: changeSet.provider, changeSetId: id } : { provider: changeSet.provider };
}

/** A held lock as a token may see it: other tenants' runs (holding or waiting) only as "another tenant". */
function lockAsSeenBy(identity: TokenIdentity, lock: HeldLock): HeldLockBody {
  const holder = visibleRun(identity, lock);
  return {
    key: lock.key,
    since: lock.since,
    holder,
    ...(lock.changeSet && 'runId' in holder ? { changeSet: changeSetSummary(lock.changeSet) } : {}),
    waiting: lock.waiting.map((waiter) => visibleRun(identity, waiter)),
  };
}

/** Every held lock as the token may see it. */
export function locksSeenBy(
  database: HostDatabase | undefined,
  identity: TokenIdentity,
): ResultAsync<HeldLockBody[], StoreError> {
  if (!database) return noDatabase();
  return listHeldLocks(database).map((locks) => locks.map((lock) => lockAsSeenBy(identity, lock)));
}

/** The line, the running runs, the latest finished runs and the held locks, as the token may see them. */
export function overviewSeenBy(
  database: HostDatabase | undefined,
  identity: TokenIdentity,
): ResultAsync<OverviewBody, StoreError> {
  if (!database) return noDatabase();
  const tenant = identity.admin ? undefined : identity.tenant;
  return readOverviewRuns(database, tenant ? { tenant } : {}).andThen((runs) =>
    locksSeenBy(database, identity).map((locks) => ({ ...runs, locks })),
  );
}
