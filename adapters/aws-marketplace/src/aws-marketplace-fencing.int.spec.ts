import { InMemoryEntityLockStore } from '@changeplane/core';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsMarketplaceProvider } from './aws-marketplace-provider.js';
import type { MarketplaceChangeSetRequest } from './marketplace-change-set-request.js';

const request: MarketplaceChangeSetRequest = {
  changeSetName: 'fencing',
  changes: [
    {
      changeType: 'UpdateInformation',
      entity: { type: 'SaaSProduct@1.0', identifier: 'prod-1' },
      details: { ProductTitle: 'x' },
    },
  ],
};

describe('AwsMarketplaceProvider fencing and client tokens', () => {
  let emulator: RunningMarketplaceEmulator;
  const providers: AwsMarketplaceProvider[] = [];
  afterEach(async () => {
    await Promise.all(providers.splice(0).map((item) => item.dispose()));
    await emulator?.close();
  });
  const provider = (store: InMemoryEntityLockStore, endpoint = emulator.endpoint, maxAttempts = 3) => {
    const created = AwsMarketplaceProvider.fromOptions({
      region: emulator.region,
      endpoint,
      credentials: emulator.credentials,
      lockStore: store,
      lockTtlMs: 1_000,
      retry: { baseDelayMs: 300, maxDelayMs: 300, maxAttempts },
      watchIntervalMs: 20,
    });
    providers.push(created);
    return created;
  };

  describe('having a lease that lapsed and was taken over between two StartChangeSet attempts', () => {
    it('should start nothing under the stale lease and say locked (LeaseLost)', async () => {
      emulator = await startMarketplaceEmulator({
        unknownEntities: 'create',
        limits: { ratesPerSecond: false },
        faults: [{ kind: 'throttle', operation: 'StartChangeSet', count: 1 }],
      });
      let now = Date.now();
      const store = new InMemoryEntityLockStore(() => now);
      const marketplace = provider(store);
      const handle = (await marketplace.create(request))._unsafeUnwrap();
      const starting = marketplace.start(handle);
      // The first attempt is throttled; while the retry waits, the lease lapses (as if the process paused).
      while (emulator.requestCount('StartChangeSet') === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      now += 5_000;
      const intruder = (
        await store.tryAcquire('aws-marketplace:default:us-east-1:prod-1', 'other-bot', 60_000)
      )._unsafeUnwrap();
      const error = (await starting)._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'locked', code: 'LeaseLost', entities: ['prod-1'] });
      expect(emulator.changeSets().filter((changeSet) => changeSet.intent === 'APPLY')).toHaveLength(0);
      expect(await store.isCurrent(intruder)).toBe(true);
    });
  });

  describe('having a StartChangeSet whose answer never arrives', () => {
    it('should return the error with the token it was sent with, and the same token finds the change set', async () => {
      emulator = await startMarketplaceEmulator({
        unknownEntities: 'create',
        limits: { ratesPerSecond: false },
        faults: [{ kind: 'drop', operation: 'StartChangeSet', after: true, count: 1 }],
      });
      const store = new InMemoryEntityLockStore();
      const marketplace = provider(store, emulator.endpoint, 1);
      const handle = (await marketplace.create(request))._unsafeUnwrap();
      const error = (await marketplace.start(handle))._unsafeUnwrapErr();
      expect(error.kind).toBe('network');
      expect(error.clientToken).toBe(handle.startToken);
      const adopted = (await marketplace.start(handle))._unsafeUnwrap();
      const made = emulator.changeSets().filter((changeSet) => changeSet.intent === 'APPLY');
      expect(made.map((changeSet) => changeSet.changeSetId)).toEqual([adopted.changeSetId]);
      expect(made[0]!.clientRequestToken).toBe(error.clientToken);
    });
  });
});
