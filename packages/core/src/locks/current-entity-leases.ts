import { err, ok, type Result } from 'neverthrow';
import { lockStoreUnavailable } from '../_internals/locks/lock-store-unavailable.js';
import type { LockedError } from '../errors/change-set-error.js';
import type { EntityLease } from './entity-lease.js';
import type { EntityLockStore } from './entity-lock-store.js';

/**
 * The live lease on each key, in order (`undefined` where none), read without taking anything: a provider's
 * check that its entities are free. A store that cannot answer is `locked` (`LockStoreUnavailable`), as
 * `acquireEntityLocks` reports it.
 */
export async function currentEntityLeases(
  store: EntityLockStore,
  keys: readonly string[],
  context: { readonly provider: string; readonly operation: string },
): Promise<Result<(EntityLease | undefined)[], LockedError>> {
  try {
    return ok(await Promise.all(keys.map((key) => store.current(key))));
  } catch (cause) {
    return err(lockStoreUnavailable(context.provider, context.operation, keys, cause));
  }
}
