import type { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import { describe, expect, it } from 'vitest';
import { ChangeSetSettleWatcher } from './change-set-settle-watcher.js';

/** A client whose ListChangeSets answers the given ids as settled, counting the calls. */
function fakeClient(settled: string[]) {
  const calls = { count: 0 };
  const client = {
    send: async () => {
      calls.count += 1;
      return { ChangeSetSummaryList: settled.map((ChangeSetId) => ({ ChangeSetId })) };
    },
  } as unknown as MarketplaceCatalogClient;
  return { client, calls };
}

describe(ChangeSetSettleWatcher, () => {
  describe('having a listener for a change set the listing reports settled', () => {
    describe('when called', () => {
      it('should call it once, and a stopped listener never', async () => {
        const { client, calls } = fakeClient(['cs-1', 'cs-2']);
        const watcher = new ChangeSetSettleWatcher(client, 'AWSMarketplace', 1, 1_000);
        let stoppedCalled = false;
        const stop = watcher.listen('cs-2', () => {
          stoppedCalled = true;
        });
        stop();
        const heard = await new Promise<number>((resolve) => {
          let times = 0;
          watcher.listen('cs-1', () => {
            times += 1;
            resolve(times);
          });
        });
        expect(heard).toBe(1);
        expect(stoppedCalled).toBe(false);
        expect(calls.count).toBeGreaterThanOrEqual(1);
      });
    });
  });

  describe('having a waiter whose change set the listing does not report', () => {
    it('should resolve false when its time is up', async () => {
      const { client } = fakeClient([]);
      const watcher = new ChangeSetSettleWatcher(client, 'AWSMarketplace', 1, 1_000);
      await expect(watcher.settledOrAfter('cs-9', 5)).resolves.toBe(false);
    });
  });
});
