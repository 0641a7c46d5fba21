import type { CallOptions, ChangeSetError, EntityLease, StartedChangeSet } from '@changeplane/core';
import { createValidationError } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import { lockTtlOf, takeEntityLocks } from '../entity-locks.js';
import { marketplaceProviderId } from '../marketplace-provider-id.js';
import type { MarketplaceSession } from '../marketplace-session.js';

/**
 * Takes back the entity leases of a change set an earlier process started (a resumed run adopts it), under
 * the same start token: a lease that token still holds is kept and renewed at once (the dead process's may
 * be close to its end), one that lapsed is granted anew (a higher fencing token). They are then held until
 * the change set settles and released, as for one this provider started. A change set held already (this
 * provider started it) is left as it is.
 */
export async function adoptChangeSet(
  session: MarketplaceSession,
  started: StartedChangeSet,
  options: CallOptions,
): Promise<Result<void, ChangeSetError>> {
  if (started.provider !== marketplaceProviderId) {
    return err(
      createValidationError(marketplaceProviderId, 'adopt', [
        { path: 'started', rule: 'provider', message: 'not a change set started by this provider' },
      ]),
    );
  }
  if (session.held.isHolding(started.changeSetId)) return ok(undefined);
  // No wait: a lease another token holds now means ours lapsed and was taken; waiting cannot bring it back.
  const taken = await takeEntityLocks(session, started.entities, started.startToken, {
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (taken.isErr()) return err(taken.error);
  session.held.hold(started, await renewedLeases(session, taken.value));
  return ok(undefined);
}

/** Each lease with a full TTL again; one that cannot be renewed now is kept as it is (the keeper tries again). */
function renewedLeases(session: MarketplaceSession, leases: readonly EntityLease[]): Promise<EntityLease[]> {
  const ttlMs = lockTtlOf(session);
  return Promise.all(
    leases.map(async (lease) => {
      const renewed = await session.locks.renew(lease, ttlMs).catch(() => undefined);
      return renewed?.isOk() ? renewed.value : lease;
    }),
  );
}
