import { MarketplaceCatalogClient, StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import { RequestPacer } from '@changeplane/core/adapter';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeSetSettleWatcher } from './change-set-settle-watcher.js';

describe(ChangeSetSettleWatcher, () => {
  let emulator: RunningMarketplaceEmulator;
  let client: MarketplaceCatalogClient;
  const start = async (timing = { preparingMs: 20, applyingMs: 20 }) => {
    emulator = await startMarketplaceEmulator({
      unknownEntities: 'create',
      timing,
      limits: { openChangeSetsPerAccount: 50, ratesPerSecond: false },
    });
    client = new MarketplaceCatalogClient({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      maxAttempts: 1,
    });
  };
  /** Starts one change set on its own entity and returns its id. */
  const startChangeSet = async (identifier: string) => {
    const output = await client.send(
      new StartChangeSetCommand({
        Catalog: 'AWSMarketplace',
        ChangeSet: [
          {
            ChangeType: 'UpdateInformation',
            Entity: { Type: 'SaaSProduct@1.0', Identifier: identifier },
            DetailsDocument: { ProductTitle: identifier },
          },
        ],
      }),
    );
    return output.ChangeSetId!;
  };

  afterEach(async () => {
    client?.destroy();
    await emulator?.close();
  });

  describe('having a listener for a change set that settles', () => {
    it('should call it once, and a stopped listener never', async () => {
      await start();
      const watcher = new ChangeSetSettleWatcher(client, 'AWSMarketplace', 20, 5);
      const [first, second] = [await startChangeSet('prod-1'), await startChangeSet('prod-2')];
      let stoppedCalled = false;
      watcher.listen(second, () => {
        stoppedCalled = true;
      })();
      let times = 0;
      await new Promise<void>((resolve) =>
        watcher.listen(first, () => {
          times += 1;
          resolve();
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(times).toBe(1);
      expect(stoppedCalled).toBe(false);
    });
  });

  describe('having a waiter for a change set that settles', () => {
    it("should resolve with the listing's summary: status and end time", async () => {
      await start();
      const watcher = new ChangeSetSettleWatcher(client, 'AWSMarketplace', 20, 5);
      const id = await startChangeSet('prod-1');
      const summary = await watcher.settledOrAfter(id, 5_000);
      expect(summary).toMatchObject({ ChangeSetId: id, Status: 'SUCCEEDED', EntityIdList: ['prod-1'] });
      expect(Date.parse(summary?.EndTime ?? '')).not.toBeNaN();
    });
  });

  describe('having more settled change sets than one page holds', () => {
    it('should wake every waiter from one listing, reading the pages one after another', async () => {
      await start({ preparingMs: 300, applyingMs: 300 });
      const ids = await Promise.all(Array.from({ length: 45 }, (_, index) => startChangeSet(`prod-${index}`)));
      await new Promise((resolve) => setTimeout(resolve, 900));
      const before = emulator.requestCount('ListChangeSets');
      const watcher = new ChangeSetSettleWatcher(client, 'AWSMarketplace', 10_000, 5);
      const heard = await Promise.all(ids.map((id) => watcher.settledOrAfter(id, 5_000)));
      expect(heard.map((summary) => summary?.ChangeSetId)).toEqual(ids);
      // 45 settled change sets: three pages of 20, one listing.
      expect(emulator.requestCount('ListChangeSets') - before).toBe(3);
    });
  });

  describe('having waiters for a second', () => {
    it('should list at most its rate a second, and about once an interval', async () => {
      await start({ preparingMs: 5_000, applyingMs: 5_000 });
      const watcher = new ChangeSetSettleWatcher(client, 'AWSMarketplace', 100, 5);
      const id = await startChangeSet('prod-1');
      const before = emulator.requestCount('ListChangeSets');
      await expect(watcher.settledOrAfter(id, 1_050)).resolves.toBeUndefined();
      const listings = emulator.requestCount('ListChangeSets') - before;
      expect(listings).toBeGreaterThanOrEqual(4);
      expect(listings).toBeLessThanOrEqual(6);
    });
  });

  describe('having a waiter whose change set does not settle in time', () => {
    it('should resolve undefined when its time is up', async () => {
      await start({ preparingMs: 5_000, applyingMs: 5_000 });
      const watcher = new ChangeSetSettleWatcher(client, 'AWSMarketplace', 20, 5);
      const id = await startChangeSet('prod-1');
      await expect(watcher.settledOrAfter(id, 100)).resolves.toBeUndefined();
    });
  });
  describe('having a describe pacer and one change set waited for', () => {
    it('should describe it between two listings and hear it settled before the next listing', async () => {
      await start({ preparingMs: 50, applyingMs: 50 });
      const watcher = new ChangeSetSettleWatcher(client, 'AWSMarketplace', 1_000, 5, new RequestPacer(10));
      const id = await startChangeSet('prod-1');
      const waitedAt = Date.now();
      const summary = await watcher.settledOrAfter(id, 5_000);
      expect(Date.now() - waitedAt).toBeLessThan(900);
      expect(summary).toMatchObject({ ChangeSetId: id, Status: 'SUCCEEDED', EntityIdList: ['prod-1'] });
      expect(emulator.requestCount('DescribeChangeSet')).toBe(1);
    });

    it('should not describe while two change sets are waited for', async () => {
      await start({ preparingMs: 50, applyingMs: 50 });
      const watcher = new ChangeSetSettleWatcher(client, 'AWSMarketplace', 300, 5, new RequestPacer(10));
      const ids = [await startChangeSet('prod-1'), await startChangeSet('prod-2')];
      const heard = await Promise.all(ids.map((id) => watcher.settledOrAfter(id, 5_000)));
      expect(heard.map((summary) => summary?.Status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      expect(emulator.requestCount('DescribeChangeSet')).toBe(0);
    });
  });
});
