import { err, ok, type Result, ResultAsync } from 'neverthrow';
import { lockStoreUnavailable } from '../_internals/locks/lock-store-unavailable.js';
import { abortedError } from '../_internals/timing/aborted-error.js';
import type { AbortedError, LockedError } from '../errors/change-set-error.js';
import { createChangeSetError } from '../errors/create-change-set-error.js';
import type { EntityLease } from './entity-lease.js';
import { entityOfLockKey } from './entity-lock-key.js';
import type { EntityLockStore } from './entity-lock-store.js';

/** Options of acquireEntityLocks: holder, TTL and an optional bounded wait. */
export interface AcquireEntityLocksOptions {
  readonly provider: string;
  readonly operation: string;
  /** Who asks: a change-set name or id, reported to whoever finds the entities locked. */
  readonly holder: string;
  readonly ttlMs: number;
  /** Wait up to this long for held locks to be released; 0 (the default) fails at once. */
  readonly maxWaitMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Takes the locks on every key, all or none. Keys are taken in one fixed (sorted) order, so two callers
 * that want overlapping sets can never deadlock; on a conflict every lock taken so far is released before
 * waiting or failing, so a waiter never holds anything. A key the holder already has is kept as it is
 * (re-entrant: the same start token asking again).
 */
export function acquireEntityLocks(
  store: EntityLockStore,
  keys: readonly string[],
  options: AcquireEntityLocksOptions,
): ResultAsync<EntityLease[], LockedError | AbortedError> {
  const ordered = [...new Set(keys)].sort();
  const deadline = Date.now() + (options.maxWaitMs ?? 0);

  const attempt = async (): Promise<Result<EntityLease[], EntityLease>> => {
    const taken: EntityLease[] = [];
    // Leases this holder already has (a repeated start of one handle, or a resumed run with its tokens): kept
    // as they are, not taken twice, and never released here.
    const kept: EntityLease[] = [];
    for (const key of ordered) {
      const granted = await store.tryAcquire(key, options.holder, options.ttlMs);
      if (granted.isOk()) taken.push(granted.value);
      else if (granted.error.holder === options.holder) kept.push(granted.error);
      else {
        await Promise.all(taken.map((lease) => store.release(lease)));
        return err(granted.error);
      }
    }
    return ok(kept.length > 0 ? [...kept, ...taken] : taken);
  };

  const run = async (): Promise<Result<EntityLease[], LockedError | AbortedError>> => {
    for (;;) {
      if (options.signal?.aborted) return err(abortedError(options.provider, options.operation, options.signal));
      const result = await attempt();
      if (result.isOk()) return ok(result.value);
      const blocker = result.error;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        const entity = entityOfLockKey(blocker.key);
        return err(
          createChangeSetError('locked', {
            provider: options.provider,
            operation: options.operation,
            message: `entity ${entity} is locked by ${blocker.holder}${options.maxWaitMs ? ` (waited ${options.maxWaitMs} ms)` : ''}`,
            code: 'EntityLocked',
            entities: [entity],
            heldBy: blocker.holder,
          }),
        );
      }
      await store.waitForRelease(blocker.key, remaining, options.signal);
    }
  };

  // A store that cannot answer (a database gone) rejects: the caller hears `locked`, as it has no lock.
  const guarded = run().catch((cause: unknown) =>
    err<EntityLease[], LockedError | AbortedError>(
      lockStoreUnavailable(options.provider, options.operation, ordered, cause),
    ),
  );
  return new ResultAsync(guarded);
}

/** Releases every lease (best effort: a lease already lost is simply skipped). */
export async function releaseEntityLocks(store: EntityLockStore, leases: readonly EntityLease[]): Promise<void> {
  await Promise.all(leases.map((lease) => store.release(lease)));
}
