import { describe, expect, it } from 'vitest';
import { acquireEntityLocks, releaseEntityLocks } from './acquire-entity-locks.js';
import type { EntityLease } from './entity-lease.js';
import { InMemoryEntityLockStore } from './in-memory-entity-lock-store.js';

const yieldRandomly = () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));

describe(InMemoryEntityLockStore, () => {
  describe('having hundreds of concurrent acquirers of one key', () => {
    it('should never grant two holders at once and hand out strictly increasing fencing tokens', async () => {
      const store = new InMemoryEntityLockStore();
      let holders = 0;
      let maxHolders = 0;
      const tokens: number[] = [];
      const worker = async (id: number) => {
        for (let round = 0; round < 5; round += 1) {
          const granted = await acquireEntityLocks(store, ['aws:1:us-east-1:entity'], {
            provider: 'p',
            operation: 'start',
            holder: `worker-${id}`,
            ttlMs: 60_000,
            maxWaitMs: 30_000,
          });
          const leases = granted._unsafeUnwrap();
          holders += 1;
          maxHolders = Math.max(maxHolders, holders);
          tokens.push(leases[0]!.fencingToken);
          await yieldRandomly();
          holders -= 1;
          await releaseEntityLocks(store, leases);
        }
      };
      await Promise.all(Array.from({ length: 300 }, (_, id) => worker(id)));
      expect(maxHolders).toBe(1);
      expect(tokens).toHaveLength(1_500);
      for (let index = 1; index < tokens.length; index += 1) expect(tokens[index]!).toBeGreaterThan(tokens[index - 1]!);
    });
  });

  describe('having overlapping multi-key requests from many callers', () => {
    it('should grant all or none and never deadlock', async () => {
      const store = new InMemoryEntityLockStore();
      const held = new Set<string>();
      let violations = 0;
      const keys = ['a', 'b', 'c', 'd', 'e'];
      const worker = async (id: number) => {
        const wanted = [keys[id % 5]!, keys[(id * 3 + 1) % 5]!, keys[(id + 2) % 5]!];
        const leases = (
          await acquireEntityLocks(store, wanted, {
            provider: 'p',
            operation: 'start',
            holder: `w${id}`,
            ttlMs: 60_000,
            maxWaitMs: 60_000,
          })
        )._unsafeUnwrap();
        for (const lease of leases) {
          if (held.has(lease.key)) violations += 1;
          held.add(lease.key);
        }
        await yieldRandomly();
        for (const lease of leases) held.delete(lease.key);
        await releaseEntityLocks(store, leases);
      };
      await Promise.all(Array.from({ length: 200 }, (_, id) => worker(id)));
      expect(violations).toBe(0);
      for (const key of keys) expect(await store.current(key)).toBeUndefined();
    });
  });

  describe('having keys the same holder already has', () => {
    it('should keep those leases as they are, take the rest, and on a conflict release only what it took', async () => {
      const store = new InMemoryEntityLockStore();
      const own = (await store.tryAcquire('k:a', 'token-1', 60_000))._unsafeUnwrap();
      const again = (
        await acquireEntityLocks(store, ['k:b', 'k:a'], {
          provider: 'p',
          operation: 'start',
          holder: 'token-1',
          ttlMs: 60_000,
        })
      )._unsafeUnwrap();
      expect(again.map((lease) => lease.key).sort()).toEqual(['k:a', 'k:b']);
      expect(again.find((lease) => lease.key === 'k:a')).toEqual(own);
      await releaseEntityLocks(
        store,
        again.filter((lease) => lease.key === 'k:b'),
      );

      await store.tryAcquire('k:c', 'token-2', 60_000);
      const refused = await acquireEntityLocks(store, ['k:a', 'k:b', 'k:c'], {
        provider: 'p',
        operation: 'start',
        holder: 'token-1',
        ttlMs: 60_000,
      });
      expect(refused._unsafeUnwrapErr()).toMatchObject({ kind: 'locked', heldBy: 'token-2' });
      expect(await store.current('k:a')).toEqual(own);
      expect(await store.current('k:b')).toBeUndefined();
    });
  });

  describe('having a key held by someone else', () => {
    it('should fail fast with a locked error naming the entity and holder, and take nothing', async () => {
      const store = new InMemoryEntityLockStore();
      await store.tryAcquire('aws:1:us-east-1:prod-2', 'change set cs-1', 60_000);
      const result = await acquireEntityLocks(store, ['aws:1:us-east-1:prod-1', 'aws:1:us-east-1:prod-2'], {
        provider: 'aws-marketplace',
        operation: 'start',
        holder: 'cs-2',
        ttlMs: 60_000,
      });
      expect(result._unsafeUnwrapErr()).toMatchObject({
        kind: 'locked',
        entities: ['prod-2'],
        heldBy: 'change set cs-1',
      });
      expect(await store.current('aws:1:us-east-1:prod-1')).toBeUndefined();
    });

    it('should wait for the release when asked to, and stop on abort', async () => {
      const store = new InMemoryEntityLockStore();
      const first = (await store.tryAcquire('k', 'one', 60_000))._unsafeUnwrap();
      const waiting = acquireEntityLocks(store, ['k'], {
        provider: 'p',
        operation: 's',
        holder: 'two',
        ttlMs: 1_000,
        maxWaitMs: 5_000,
      });
      setTimeout(() => void store.release(first), 20);
      const granted = (await waiting)._unsafeUnwrap();
      expect(granted[0]).toMatchObject({ holder: 'two' });
      expect(granted[0]!.fencingToken).toBeGreaterThan(first.fencingToken);

      const controller = new AbortController();
      const aborted = acquireEntityLocks(store, ['k'], {
        provider: 'p',
        operation: 's',
        holder: 'three',
        ttlMs: 1_000,
        maxWaitMs: 60_000,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 10);
      expect((await aborted)._unsafeUnwrapErr().kind).toBe('aborted');
    });
  });

  describe('having an expired lease', () => {
    it('should grant the key again and refuse the stale holder a renew or release', async () => {
      let now = 1_000;
      const store = new InMemoryEntityLockStore(() => now);
      const stale = (await store.tryAcquire('k', 'one', 100))._unsafeUnwrap();
      now += 101;
      const fresh = (await store.tryAcquire('k', 'two', 100))._unsafeUnwrap();
      expect(fresh.fencingToken).toBeGreaterThan(stale.fencingToken);
      expect((await store.renew(stale, 100))._unsafeUnwrapErr()).toBe('lost');
      expect(await store.release(stale)).toBe(false);
      expect(await store.current('k')).toEqual(fresh);
      const renewed: EntityLease = (await store.renew(fresh, 500))._unsafeUnwrap();
      expect(renewed.expiresAt).toBe(now + 500);
      expect(await store.release({ ...fresh, holder: 'intruder' })).toBe(false);
      expect(await store.release(fresh)).toBe(true);
    });
  });
});
