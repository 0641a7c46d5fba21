import { err, ok, type Result } from 'neverthrow';
import type { EntityLease } from './entity-lease.js';
import type { EntityLockStore } from './entity-lock-store.js';

/**
 * The default lock store: one process, many concurrent async callers. Every check-and-set runs
 * synchronously inside one call, so no interleaving can grant one key twice.
 */
export class InMemoryEntityLockStore implements EntityLockStore {
  readonly #leases = new Map<string, EntityLease>();
  readonly #waiters = new Map<string, Set<() => void>>();
  readonly #now: () => number;
  #lastFencingToken = 0;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async tryAcquire(key: string, holder: string, ttlMs: number): Promise<Result<EntityLease, EntityLease>> {
    const existing = this.#live(key);
    if (existing) return err(existing);
    const lease: EntityLease = { key, holder, fencingToken: ++this.#lastFencingToken, expiresAt: this.#now() + ttlMs };
    this.#leases.set(key, lease);
    return ok(lease);
  }

  async renew(lease: EntityLease, ttlMs: number): Promise<Result<EntityLease, 'lost'>> {
    const existing = this.#live(lease.key);
    if (!existing || existing.fencingToken !== lease.fencingToken) return err('lost');
    const renewed: EntityLease = { ...existing, expiresAt: this.#now() + ttlMs };
    this.#leases.set(lease.key, renewed);
    return ok(renewed);
  }

  async release(lease: EntityLease): Promise<boolean> {
    const existing = this.#leases.get(lease.key);
    if (!existing || existing.fencingToken !== lease.fencingToken || existing.holder !== lease.holder) return false;
    this.#leases.delete(lease.key);
    this.#notify(lease.key);
    return true;
  }

  async isCurrent(lease: EntityLease): Promise<boolean> {
    const existing = this.#live(lease.key);
    return existing !== undefined && existing.fencingToken === lease.fencingToken && existing.holder === lease.holder;
  }

  async current(key: string): Promise<EntityLease | undefined> {
    return this.#live(key);
  }

  waitForRelease(key: string, maxMs: number, signal?: AbortSignal): Promise<void> {
    const lease = this.#live(key);
    if (!lease || signal?.aborted) return Promise.resolve();
    // An expiring lease frees the key without a release call: wake up then at the latest.
    const wakeAfter = Math.max(0, Math.min(maxMs, lease.expiresAt - this.#now()));
    return new Promise((resolve) => {
      const waiters = this.#waiters.get(key) ?? new Set<() => void>();
      this.#waiters.set(key, waiters);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, wakeAfter);
      waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  #live(key: string): EntityLease | undefined {
    const lease = this.#leases.get(key);
    if (lease && lease.expiresAt <= this.#now()) {
      this.#leases.delete(key);
      return undefined;
    }
    return lease;
  }

  #notify(key: string): void {
    const waiters = this.#waiters.get(key);
    if (!waiters) return;
    this.#waiters.delete(key);
    for (const wake of waiters) wake();
  }
}
