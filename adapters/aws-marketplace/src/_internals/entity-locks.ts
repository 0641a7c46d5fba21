import {
  acquireEntityLocks,
  type ChangeSetError,
  createChangeSetError,
  type EntityLease,
  entityLockKey,
  type StartOptions,
} from '@changeplane/core';
import { err, errAsync, ok, okAsync, type Result, ResultAsync } from 'neverthrow';
import { marketplaceProviderId } from './marketplace-provider-id.js';
import type { MarketplaceSession } from './marketplace-session.js';

type LockParts = Pick<MarketplaceSession, 'locks' | 'account' | 'region' | 'held' | 'options'>;

/** The lock key of an entity of this provider's account and region. */
export function lockKeyOf(session: Pick<MarketplaceSession, 'account' | 'region'>, entity: string): string {
  return entityLockKey({ provider: marketplaceProviderId, account: session.account, region: session.region, entity });
}

/** How long a lock lasts without renewal. */
export function lockTtlOf(session: Pick<MarketplaceSession, 'options'>): number {
  return session.options.lockTtlMs ?? 15 * 60_000;
}

/**
 * `locked` when another start token holds a lock on one of the entities (create's check: no lock taken,
 * no call made); else `value`.
 */
export function refuseLockedEntities<Value>(
  session: LockParts,
  entities: readonly string[],
  startToken: string,
  value: Value,
): ResultAsync<Value, ChangeSetError> {
  return ResultAsync.fromSafePromise(
    Promise.all(entities.map((entity) => session.locks.current(lockKeyOf(session, entity)))),
  ).andThen((leases) => {
    const held = leases.find((lease) => lease !== undefined && lease.holder !== startToken);
    if (!held) return okAsync(value);
    const entity = entities[leases.indexOf(held)]!;
    return errAsync(
      createChangeSetError('locked', {
        provider: marketplaceProviderId,
        operation: 'create',
        message: `entity ${entity} is locked by ${session.held.holderName(held.holder)}, which has not settled`,
        code: 'EntityLocked',
        entities: [entity],
        heldBy: session.held.changeSetOf(held.holder) ?? held.holder,
      }),
    );
  });
}

/**
 * The locks on every entity for `holder`, all or none (sorted order, optional bounded wait). Locks this
 * holder already has (a repeated start of one handle) are kept, not taken twice.
 */
export async function takeEntityLocks(
  session: LockParts,
  entities: readonly string[],
  holder: string,
  options: StartOptions,
): Promise<Result<EntityLease[], ChangeSetError>> {
  const keys = entities.map((entity) => lockKeyOf(session, entity));
  const current = await Promise.all(keys.map((key) => session.locks.current(key)));
  const mine = current.filter((lease): lease is EntityLease => lease?.holder === holder);
  const wanted = keys.filter((_, index) => current[index]?.holder !== holder);
  const taken = await acquireEntityLocks(session.locks, wanted, {
    provider: marketplaceProviderId,
    operation: 'start',
    holder,
    ttlMs: lockTtlOf(session),
    ...(options.lockWait ? { maxWaitMs: options.lockWait.maxWaitMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (taken.isErr()) return err(session.held.nameHolder(taken.error));
  return ok(mine.length === 0 ? taken.value : [...mine, ...taken.value]);
}

/**
 * Fencing: `locked` (code `LeaseLost`) unless every lease is still the current one in the store, so a
 * process whose lease lapsed (paused past its TTL, then resumed) never starts under a stale lease.
 */
export function checkLeasesCurrent(
  session: Pick<MarketplaceSession, 'locks'>,
  leases: readonly EntityLease[],
  entities: readonly string[],
): ResultAsync<void, ChangeSetError> {
  return ResultAsync.fromSafePromise(
    Promise.all(leases.map((lease) => session.locks.isCurrent(lease).catch(() => false))),
  ).andThen((current) => {
    const lost = leases.filter((_, index) => !current[index]);
    if (lost.length === 0) return okAsync(undefined);
    return errAsync(
      createChangeSetError('locked', {
        provider: marketplaceProviderId,
        operation: 'start',
        code: 'LeaseLost',
        message: `the lease on ${lost.map((lease) => lease.key).join(', ')} expired or was taken over before StartChangeSet: nothing was started`,
        entities: lost.map((lease) => entities.find((entity) => lease.key.endsWith(`:${entity}`)) ?? lease.key),
      }),
    );
  });
}
