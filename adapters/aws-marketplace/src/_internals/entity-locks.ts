import type { ChangeSetError, EntityLease, StartOptions } from '@changeplane/core';
import {
  acquireEntityLocks,
  createChangeSetError,
  currentEntityLeases,
  entityLockKey,
} from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import { marketplaceProviderId } from './marketplace-provider-id.js';
import type { MarketplaceSession } from './marketplace-session.js';

type LockParts = Pick<MarketplaceSession, 'locks' | 'account' | 'region' | 'held' | 'options'>;

/** The lock key of an entity of this provider's account and region. */
function lockKeyOf(session: Pick<MarketplaceSession, 'account' | 'region'>, entity: string): string {
  return entityLockKey({ provider: marketplaceProviderId, account: session.account, region: session.region, entity });
}

/** How long a lock lasts without renewal. */
export function lockTtlOf(session: Pick<MarketplaceSession, 'options'>): number {
  return session.options.lockTtlMs ?? 15 * 60_000;
}

/** `locked` when another start token holds a lock on one of the entities (create's check: no lock taken, no call made). */
export async function refuseLockedEntities(
  session: LockParts,
  entities: readonly string[],
  startToken: string,
): Promise<Result<void, ChangeSetError>> {
  const current = await currentEntityLeases(
    session.locks,
    entities.map((entity) => lockKeyOf(session, entity)),
    { provider: marketplaceProviderId, operation: 'create' },
  );
  if (current.isErr()) return err(current.error);
  const leases = current.value;
  const held = leases.find((lease) => lease !== undefined && lease.holder !== startToken);
  if (!held) return ok(undefined);
  const entity = entities[leases.indexOf(held)]!;
  return err(
    createChangeSetError('locked', {
      provider: marketplaceProviderId,
      operation: 'create',
      message: `entity ${entity} is locked by ${session.held.holderName(held.holder)}, which has not settled`,
      code: 'EntityLocked',
      entities: [entity],
      heldBy: session.held.changeSetOf(held.holder) ?? held.holder,
    }),
  );
}

/**
 * The locks on every entity for `holder`, all or none (sorted order, optional bounded wait). Locks this
 * holder already has (a repeated start of one handle) are kept, not taken twice (`acquireEntityLocks` is
 * re-entrant for its holder).
 */
export async function takeEntityLocks(
  session: LockParts,
  entities: readonly string[],
  holder: string,
  options: StartOptions,
): Promise<Result<EntityLease[], ChangeSetError>> {
  const taken = await acquireEntityLocks(
    session.locks,
    entities.map((entity) => lockKeyOf(session, entity)),
    {
      provider: marketplaceProviderId,
      operation: 'start',
      holder,
      ttlMs: lockTtlOf(session),
      ...(options.lockWait ? { maxWaitMs: options.lockWait.maxWaitMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  return taken.isErr() ? err(session.held.nameHolder(taken.error)) : ok(taken.value);
}

/**
 * Fencing: `locked` (code `LeaseLost`) unless every lease is still the current one in the store, so a
 * process whose lease lapsed (paused past its TTL, then resumed) never starts under a stale lease.
 */
export async function checkLeasesCurrent(
  session: Pick<MarketplaceSession, 'locks'>,
  leases: readonly EntityLease[],
  entities: readonly string[],
): Promise<Result<void, ChangeSetError>> {
  const current = await Promise.all(leases.map((lease) => session.locks.isCurrent(lease).catch(() => false)));
  const lost = leases.filter((_, index) => !current[index]);
  if (lost.length === 0) return ok(undefined);
  return err(
    createChangeSetError('locked', {
      provider: marketplaceProviderId,
      operation: 'start',
      code: 'LeaseLost',
      message: `the lease on ${lost.map((lease) => lease.key).join(', ')} expired or was taken over before StartChangeSet: nothing was started`,
      entities: lost.map((lease) => entities.find((entity) => lease.key.endsWith(`:${entity}`)) ?? lease.key),
    }),
  );
}
