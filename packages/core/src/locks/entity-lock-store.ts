import type { Result } from 'neverthrow';
import type { EntityLease } from './entity-lease.js';

/**
 * Where entity locks live. The in-memory store serves one process; a deployment that runs several bots
 * implements this over a shared store (Redis, DynamoDB) with the same guarantees: at most one live
 * lease per key, fencing tokens strictly increasing, release by the holder only.
 */
export interface EntityLockStore {
  /** Grants `key` to `holder` for `ttlMs` if nobody holds a live lease on it; otherwise returns the current lease. */
  tryAcquire(key: string, holder: string, ttlMs: number): Promise<Result<EntityLease, EntityLease>>;
  /** Extends a lease its holder still has; `lost` if it expired and someone else took the key, or it was released. */
  renew(lease: EntityLease, ttlMs: number): Promise<Result<EntityLease, 'lost'>>;
  /** Releases a lease; false (and nothing changes) when the caller is not the current holder. */
  release(lease: EntityLease): Promise<boolean>;
  /**
   * True while `lease` is still the live lease of its key (same fencing token, not expired, not released):
   * what a provider checks right before it acts, so a holder whose lease lapsed while it was paused does not.
   */
  isCurrent(lease: EntityLease): Promise<boolean>;
  /** The live lease on `key`, if any. */
  current(key: string): Promise<EntityLease | undefined>;
  /**
   * Resolves once `key` may have become free (released or expired), or after `maxMs`, or on abort,
   * whichever comes first. Lets waiters sleep instead of spinning.
   */
  waitForRelease(key: string, maxMs: number, signal?: AbortSignal): Promise<void>;
}
