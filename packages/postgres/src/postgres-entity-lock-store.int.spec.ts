import { acquireEntityLocks, releaseEntityLocks } from '@changeplane/core/adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresUrl } from '../../../test/support/postgres-test-schema.js';
import { PostgresEntityLockStore } from './postgres-entity-lock-store.js';

describe(PostgresEntityLockStore, () => {
  const { schema, drop } = freshSchema('locks');
  const stores: PostgresEntityLockStore[] = [];
  const store = () => {
    const created = new PostgresEntityLockStore({ connectionString: postgresUrl(), schema });
    stores.push(created);
    return created;
  };
  beforeAll(async () => {
    // Several stores migrating at once must not trip over each other.
    await Promise.all(Array.from({ length: 4 }, () => store().current('warm-up')));
  });
  afterAll(async () => {
    await Promise.all(stores.map((item) => item.close()));
    await drop();
  });

  describe('having many stores (as many processes) racing for one key', () => {
    it('should grant one holder at a time with strictly increasing fencing tokens', async () => {
      const pool = [store(), store(), store()];
      let holders = 0;
      let maxHolders = 0;
      const tokens: number[] = [];
      const worker = async (id: number) => {
        for (let round = 0; round < 4; round += 1) {
          const leases = (
            await acquireEntityLocks(pool[id % pool.length]!, ['aws:1:r:contended'], {
              provider: 'p',
              operation: 'start',
              holder: `worker-${id}`,
              ttlMs: 30_000,
              maxWaitMs: 30_000,
            })
          )._unsafeUnwrap();
          holders += 1;
          maxHolders = Math.max(maxHolders, holders);
          tokens.push(leases[0]!.fencingToken);
          await new Promise((resolve) => setTimeout(resolve, 2));
          holders -= 1;
          await releaseEntityLocks(pool[id % pool.length]!, leases);
        }
      };
      await Promise.all(Array.from({ length: 12 }, (_, id) => worker(id)));
      expect(maxHolders).toBe(1);
      expect(tokens).toHaveLength(48);
      for (let index = 1; index < tokens.length; index += 1) expect(tokens[index]!).toBeGreaterThan(tokens[index - 1]!);
    });
  });

  describe('having a lease that expired', () => {
    it('should grant the key again, and refuse the stale holder renew, release and isCurrent', async () => {
      const locks = store();
      const stale = (await locks.tryAcquire('k-expire', 'one', 1_000))._unsafeUnwrap();
      expect(await locks.isCurrent(stale)).toBe(true);
      expect((await locks.tryAcquire('k-expire', 'two', 50))._unsafeUnwrapErr()).toMatchObject({ holder: 'one' });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const fresh = (await locks.tryAcquire('k-expire', 'two', 60_000))._unsafeUnwrap();
      expect(fresh.fencingToken).toBeGreaterThan(stale.fencingToken);
      expect(await locks.isCurrent(stale)).toBe(false);
      expect((await locks.renew(stale, 1_000))._unsafeUnwrapErr()).toBe('lost');
      expect(await locks.release(stale)).toBe(false);
      expect(await locks.release({ ...fresh, holder: 'intruder' })).toBe(false);
      const renewed = (await locks.renew(fresh, 120_000))._unsafeUnwrap();
      expect(renewed.expiresAt).toBeGreaterThan(fresh.expiresAt);
      expect(await locks.release(fresh)).toBe(true);
      expect(await locks.current('k-expire')).toBeUndefined();
    });
  });

  describe('having a waiter in another store when the holder releases', () => {
    it('should wake it through NOTIFY long before the lease would expire', async () => {
      const holderStore = store();
      const waiterStore = store();
      const held = (await holderStore.tryAcquire('k-notify', 'one', 60_000))._unsafeUnwrap();
      const began = Date.now();
      const waiting = waiterStore.waitForRelease('k-notify', 30_000);
      setTimeout(() => void holderStore.release(held), 100);
      await waiting;
      const waited = Date.now() - began;
      expect(waited).toBeGreaterThanOrEqual(90);
      expect(waited).toBeLessThan(5_000);
      expect((await waiterStore.tryAcquire('k-notify', 'two', 1_000)).isOk()).toBe(true);
    });
  });

  describe('having a database that cannot be reached', () => {
    it('should make acquireEntityLocks answer locked, with no password in the error', async () => {
      const unreachable = new PostgresEntityLockStore({
        connectionString: 'postgres://bot:s3cret-password-value@127.0.0.1:9/none',
        schema,
      });
      const result = await acquireEntityLocks(unreachable, ['k'], {
        provider: 'p',
        operation: 'start',
        holder: 'h',
        ttlMs: 1_000,
      });
      const error = result._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'locked', code: 'LockStoreUnavailable' });
      expect(JSON.stringify(error)).not.toContain('s3cret-password-value');
      await unreachable.close();
    });
  });
});
