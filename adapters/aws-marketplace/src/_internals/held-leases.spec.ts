import {
  DescribeChangeSetCommand,
  MarketplaceCatalogClient,
  StartChangeSetCommand,
} from '@aws-sdk/client-marketplace-catalog';
import { InMemoryEntityLockStore, type StartedChangeSet } from '@changeplane/core';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { ResultAsync } from 'neverthrow';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeSetSettleWatcher } from './change-set-settle-watcher.js';
import { HeldLeases } from './held-leases.js';

describe(HeldLeases, () => {
  let emulator: RunningMarketplaceEmulator;
  let client: MarketplaceCatalogClient;

  afterEach(async () => {
    client?.destroy();
    await emulator?.close();
  });

  /** Starts a change set on the emulator and describes it as the adapter would have started it. */
  const started = async (identifier: string, startToken: string): Promise<StartedChangeSet> => {
    const output = await client.send(
      new StartChangeSetCommand({
        Catalog: 'AWSMarketplace',
        ClientRequestToken: startToken,
        ChangeSet: [
          {
            ChangeType: 'UpdateInformation',
            Entity: { Type: 'SaaSProduct@1.0', Identifier: identifier },
            DetailsDocument: { ProductTitle: identifier },
          },
        ],
      }),
    );
    return {
      provider: 'aws-marketplace',
      changeSetId: output.ChangeSetId!,
      scope: { catalog: 'AWSMarketplace', changeSetArn: output.ChangeSetArn! },
      startedAt: new Date().toISOString(),
      startToken,
      entities: [identifier],
    };
  };

  describe('having change sets started with and without leases', () => {
    it('should name only the ones holding leases, release them when they settle, and keep nothing of the others', async () => {
      emulator = await startMarketplaceEmulator({
        unknownEntities: 'create',
        timing: { preparingMs: 20, applyingMs: 20 },
      });
      client = new MarketplaceCatalogClient({
        region: emulator.region,
        endpoint: emulator.endpoint,
        credentials: emulator.credentials,
        maxAttempts: 1,
      });
      const locks = new InMemoryEntityLockStore();
      const watcher = new ChangeSetSettleWatcher(client, 'AWSMarketplace', 20, 5);
      const held = new HeldLeases({
        locks,
        lockTtlMs: 60_000,
        watchIntervalMs: 30_000,
        settleWatcher: () => watcher,
        describe: (ref) =>
          ResultAsync.fromSafePromise(
            client.send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: ref.changeSetId })),
          ),
      });
      const lease = (
        await locks.tryAcquire('aws-marketplace:default:us-east-1:prod-1', 'token-1', 60_000)
      )._unsafeUnwrap();
      const locked = await started('prod-1', 'token-1');
      const unlocked = await started('prod-2', 'token-2');
      held.hold(locked, [lease]);
      held.hold(unlocked, []);

      expect(held.changeSetOf('token-1')).toBe(locked.changeSetId);
      expect(held.holderName('token-1')).toBe(`change set ${locked.changeSetId}`);
      expect(held.changeSetOf('token-2')).toBeUndefined();

      const deadline = Date.now() + 10_000;
      while ((await locks.current(lease.key)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await locks.current(lease.key)).toBeUndefined();
      expect(held.changeSetOf('token-1')).toBeUndefined();
      await held.dispose();
    });
  });
});
