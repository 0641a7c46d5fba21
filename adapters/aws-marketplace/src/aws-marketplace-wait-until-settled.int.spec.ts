import { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsMarketplaceProvider } from './aws-marketplace-provider.js';
import type { MarketplaceChange } from './marketplace-change-set-request.js';

const change = (identifier: string, outcome?: 'FAIL'): MarketplaceChange => ({
  changeType: 'UpdateInformation',
  entity: { type: 'SaaSProduct@1.0', identifier },
  details: { ProductTitle: identifier, ...(outcome ? { EmulatorOutcome: outcome } : {}) },
});

describe('AwsMarketplaceProvider.waitUntilSettled', () => {
  let emulator: RunningMarketplaceEmulator;
  let provider: AwsMarketplaceProvider | undefined;
  /** A provider with the defaults users get, on a client that counts its calls. */
  const start = async () => {
    emulator = await startMarketplaceEmulator({ timing: { preparingMs: 100, applyingMs: 200 } });
    const client = new MarketplaceCatalogClient({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      maxAttempts: 1,
    });
    provider = AwsMarketplaceProvider.fromOptions({ client, region: emulator.region });
    return provider;
  };

  afterEach(async () => {
    await provider?.dispose();
    await emulator?.close();
  });

  describe('having a change set that succeeds', () => {
    it('should answer what DescribeChangeSet answers, describing it only once (before the listing hears it)', async () => {
      const marketplace = await start();
      const ref = (
        await marketplace
          .create({ changes: [change('prod-1'), change('prod-2')] })
          .andThen((handle) => marketplace.start(handle))
      )._unsafeUnwrap();
      const settled = (await marketplace.waitUntilSettled(ref))._unsafeUnwrap();
      expect(emulator.requestCount('DescribeChangeSet')).toBe(1);
      const described = (await marketplace.describe(ref))._unsafeUnwrap();
      expect(settled).toEqual(described);
      expect(settled).toMatchObject({ status: 'succeeded', rawStatus: 'SUCCEEDED', entities: ['prod-1', 'prod-2'] });
    });
  });

  describe('having a change set that fails', () => {
    it('should describe it after the listing hears it, for the failure description', async () => {
      const marketplace = await start();
      const ref = (
        await marketplace
          .create({ changes: [change('prod-1'), change('prod-2', 'FAIL')] })
          .andThen((handle) => marketplace.start(handle))
      )._unsafeUnwrap();
      const settled = (await marketplace.waitUntilSettled(ref))._unsafeUnwrap();
      expect(settled).toMatchObject({ status: 'failed', failureCode: 'CLIENT_ERROR' });
      expect(settled.reason).toContain('INVALID_INPUT');
      expect(emulator.requestCount('DescribeChangeSet')).toBe(2);
    });
  });
});
