import { type ChangeSetHandle, InMemoryEntityLockStore } from '@changeplane/core';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsMarketplaceProvider } from './aws-marketplace-provider.js';

describe('AwsMarketplaceProvider start from a handle read back from disk', () => {
  let emulator: RunningMarketplaceEmulator;
  let provider: AwsMarketplaceProvider;
  afterEach(async () => {
    await provider?.dispose();
    await emulator?.close();
  });

  const created = async (store: InMemoryEntityLockStore): Promise<ChangeSetHandle> => {
    emulator = await startMarketplaceEmulator({ unknownEntities: 'create', limits: { ratesPerSecond: false } });
    provider = AwsMarketplaceProvider.fromOptions({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      lockStore: store,
    });
    const handle = await provider.create({
      changes: [
        {
          changeType: 'UpdateInformation',
          entity: { type: 'SaaSProduct@1.0', identifier: 'prod-1' },
          details: { ProductTitle: 'x' },
        },
      ],
    });
    return JSON.parse(JSON.stringify(handle._unsafeUnwrap())) as ChangeSetHandle;
  };

  describe('having a payload edited into something StartChangeSet does not take', () => {
    it('should refuse it as validation naming handle.payload, before any lock or call', async () => {
      const store = new InMemoryEntityLockStore();
      const handle = await created(store);
      const edited = { ...handle, payload: { Catalog: 'AWSMarketplace', ChangeSet: [{ ChangeType: 'X', Entity: 7 }] } };
      const error = (await provider.start(edited))._unsafeUnwrapErr();
      expect(error).toMatchObject({
        kind: 'validation',
        issues: [expect.objectContaining({ path: 'handle.payload' })],
      });
      expect(emulator.requestCount('StartChangeSet')).toBe(0);
      expect(await store.current('aws-marketplace:default:us-east-1:prod-1')).toBeUndefined();
    });
  });

  describe('having the payload intact after the JSON round trip', () => {
    it('should start the change set it describes', async () => {
      const handle = await created(new InMemoryEntityLockStore());
      const started = (await provider.start(handle))._unsafeUnwrap();
      expect(emulator.changeSets()).toEqual([
        expect.objectContaining({ changeSetId: started.changeSetId, clientRequestToken: handle.startToken }),
      ]);
    });
  });
});
