import { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsMarketplaceProvider } from './aws-marketplace-provider.js';
import type { MarketplaceChange } from './marketplace-change-set-request.js';

/** `refused`: a ProductTitle that is not a string, which the UpdateInformation schema refuses (INVALID_INPUT). */
const change = (identifier: string, refused = false): MarketplaceChange => ({
  changeType: 'UpdateInformation',
  entity: { type: 'SaaSProduct@1.0', identifier },
  details: { ProductTitle: refused ? 42 : identifier },
});

describe('AwsMarketplaceProvider.waitUntilSettled', () => {
  let emulator: RunningMarketplaceEmulator;
  let provider: AwsMarketplaceProvider | undefined;
  /** A provider with the defaults users get, on a client that counts its calls. */
  const start = async () => {
    emulator = await startMarketplaceEmulator({
      unknownEntities: 'create',
      timing: { preparingMs: 100, applyingMs: 200 },
    });
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

  describe('having change sets that succeed, waited for together', () => {
    it('should answer what DescribeChangeSet answers, describing each only once (before the listing hears it)', async () => {
      const marketplace = await start();
      const started = await Promise.all(
        [['prod-1', 'prod-2'], ['prod-3']].map(async (ids) =>
          (
            await marketplace
              .create({ changes: ids.map((id) => change(id)) })
              .andThen((handle) => marketplace.start(handle))
          )._unsafeUnwrap(),
        ),
      );
      // Two waited for at once: the watcher's describe of a lone waited change set stays out of the count.
      const settled = await Promise.all(
        started.map(async (ref) => (await marketplace.waitUntilSettled(ref))._unsafeUnwrap()),
      );
      expect(emulator.requestCount('DescribeChangeSet')).toBe(2);
      const described = await Promise.all(
        started.map(async (ref) => (await marketplace.describe(ref))._unsafeUnwrap()),
      );
      expect(settled).toEqual(described);
      expect(settled[0]).toMatchObject({ status: 'succeeded', rawStatus: 'SUCCEEDED', entities: ['prod-1', 'prod-2'] });
    });
  });

  describe('having one change set that succeeds, waited for alone', () => {
    it('should hear it from a describe between listings and answer what DescribeChangeSet answers', async () => {
      const marketplace = await start();
      const ref = (
        await marketplace.create({ changes: [change('prod-1')] }).andThen((handle) => marketplace.start(handle))
      )._unsafeUnwrap();
      const settled = (await marketplace.waitUntilSettled(ref))._unsafeUnwrap();
      expect(settled).toEqual((await marketplace.describe(ref))._unsafeUnwrap());
      expect(settled.status).toBe('succeeded');
    });
  });

  describe('having a change set that fails', () => {
    it('should describe it after the listing hears it, for the failure description', async () => {
      const marketplace = await start();
      const ref = (
        await marketplace
          .create({ changes: [change('prod-1'), change('prod-2', true)] })
          .andThen((handle) => marketplace.start(handle))
      )._unsafeUnwrap();
      const settled = (await marketplace.waitUntilSettled(ref))._unsafeUnwrap();
      expect(settled).toMatchObject({ status: 'failed', failureCode: 'CLIENT_ERROR' });
      // The reason is in no listing: only a describe after it failed gives it.
      expect(settled.reason).toContain('INVALID_INPUT');
    });
  });
  describe('having a change set that creates an entity', () => {
    it("should answer what DescribeChangeSet answers, the new entity's identifier included", async () => {
      const marketplace = await start();
      const ref = (
        await marketplace
          .create({ changes: [{ changeType: 'CreateProduct', entity: { type: 'SaaSProduct@1.0' }, details: {} }] })
          .andThen((handle) => marketplace.start(handle))
      )._unsafeUnwrap();
      const settled = (await marketplace.waitUntilSettled(ref))._unsafeUnwrap();
      expect(settled).toEqual((await marketplace.describe(ref))._unsafeUnwrap());
      expect(settled.entities?.[0]).toMatch(/^prod-/);
    });
  });
});
