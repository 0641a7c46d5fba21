import { MarketplaceCatalogClient, StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import { type EntityLease, InMemoryEntityLockStore, type StartedChangeSet } from '@changeplane/core';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsMarketplaceProvider } from './aws-marketplace-provider.js';

const lockKey = 'aws-marketplace:default:us-east-1:prod-1';
const startToken = 'start-token-of-the-dead-run';
const ttlMs = 60_000;

describe('AwsMarketplaceProvider.adopt', () => {
  let emulator: RunningMarketplaceEmulator;
  let client: MarketplaceCatalogClient;
  const providers: AwsMarketplaceProvider[] = [];
  afterEach(async () => {
    await Promise.all(providers.splice(0).map((item) => item.dispose()));
    client?.destroy();
    await emulator?.close();
  });

  /** A store on a clock the spec moves, and the emulator a dead process started a change set on (slow enough to act on). */
  const setUp = async () => {
    emulator = await startMarketplaceEmulator({
      unknownEntities: 'create',
      limits: { ratesPerSecond: false },
      timing: { preparingMs: 300, applyingMs: 300 },
    });
    client = new MarketplaceCatalogClient({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      maxAttempts: 1,
    });
    const clock = { now: Date.now() };
    return { clock, store: new InMemoryEntityLockStore(() => clock.now) };
  };

  /** A provider in this process: what a resumed run connects. */
  const provider = (store: InMemoryEntityLockStore) => {
    const created = AwsMarketplaceProvider.fromOptions({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      lockStore: store,
      lockTtlMs: ttlMs,
      settleWatchIntervalMs: 20,
    });
    providers.push(created);
    return created;
  };

  /** What the dead process did: took the lease under its start token, then StartChangeSet with that token. */
  const startedByDeadProcess = async (
    store: InMemoryEntityLockStore,
  ): Promise<{ started: StartedChangeSet; lease: EntityLease }> => {
    const lease = (await store.tryAcquire(lockKey, startToken, ttlMs))._unsafeUnwrap();
    const output = await client.send(
      new StartChangeSetCommand({
        Catalog: 'AWSMarketplace',
        ClientRequestToken: startToken,
        Intent: 'APPLY',
        ChangeSet: [
          {
            ChangeType: 'UpdateInformation',
            Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-1' },
            DetailsDocument: { ProductTitle: 'adopted' },
          },
        ],
      }),
    );
    const started: StartedChangeSet = {
      provider: 'aws-marketplace',
      changeSetId: output.ChangeSetId!,
      region: emulator.region,
      account: 'default',
      scope: { catalog: 'AWSMarketplace', changeSetArn: output.ChangeSetArn! },
      startedAt: new Date().toISOString(),
      startToken,
      entities: ['prod-1'],
    };
    return { started, lease };
  };

  describe('having a running change set whose dead process still holds its lease', () => {
    describe('when called', () => {
      it('should keep the lease for the same start token with a full TTL, and release it once the change set settles', async () => {
        const { clock, store } = await setUp();
        const { started, lease } = await startedByDeadProcess(store);
        clock.now += 50_000;
        const marketplace = provider(store);

        expect((await marketplace.adopt(started)).isOk()).toBe(true);

        const held = await store.current(lockKey);
        expect(held).toMatchObject({ holder: startToken, fencingToken: lease.fencingToken });
        expect(held!.expiresAt).toBe(clock.now + ttlMs);
        const state = (await marketplace.waitUntilSettled(started))._unsafeUnwrap();
        expect(state.status).toBe('succeeded');
        // Released before the wait answered: the next change set on the entity is not blocked until the TTL.
        expect(await store.current(lockKey)).toBeUndefined();
      });
    });
  });

  describe('having a running change set whose dead process lease lapsed', () => {
    describe('when called', () => {
      it('should take the lease anew under the same start token with a higher fencing token, and hold it while it runs', async () => {
        const { clock, store } = await setUp();
        const { started, lease } = await startedByDeadProcess(store);
        clock.now += ttlMs + 1;
        const marketplace = provider(store);

        expect((await marketplace.adopt(started)).isOk()).toBe(true);

        const held = await store.current(lockKey);
        expect(held?.holder).toBe(startToken);
        expect(held!.fencingToken).toBeGreaterThan(lease.fencingToken);
        expect((await store.tryAcquire(lockKey, 'another-bot', ttlMs)).isErr()).toBe(true);
        expect((await marketplace.waitUntilSettled(started))._unsafeUnwrap().status).toBe('succeeded');
        expect(await store.current(lockKey)).toBeUndefined();
      });
    });
  });

  describe('having another holder take the entity after the dead process lease lapsed', () => {
    describe('when called', () => {
      it('should answer locked, naming the holder, and leave its lease alone', async () => {
        const { clock, store } = await setUp();
        const { started } = await startedByDeadProcess(store);
        clock.now += ttlMs + 1;
        const intruder = (await store.tryAcquire(lockKey, 'another-bot', ttlMs))._unsafeUnwrap();
        const marketplace = provider(store);

        const error = (await marketplace.adopt(started))._unsafeUnwrapErr();

        expect(error).toMatchObject({ kind: 'locked', heldBy: 'another-bot', entities: ['prod-1'] });
        expect(await store.isCurrent(intruder)).toBe(true);
        await marketplace.waitUntilSettled(started);
        expect(await store.isCurrent(intruder)).toBe(true);
      });
    });
  });

  describe('having a change set this provider started itself', () => {
    describe('when called', () => {
      it('should leave its held lease as it is', async () => {
        const { store } = await setUp();
        const marketplace = provider(store);
        const handle = (
          await marketplace.create({
            changes: [
              {
                changeType: 'UpdateInformation',
                entity: { type: 'SaaSProduct@1.0', identifier: 'prod-1' },
                details: { ProductTitle: 'own' },
              },
            ],
          })
        )._unsafeUnwrap();
        const started = (await marketplace.start(handle))._unsafeUnwrap();
        const before = await store.current(lockKey);

        expect((await marketplace.adopt(started)).isOk()).toBe(true);

        expect(await store.current(lockKey)).toEqual(before);
        expect((await marketplace.waitUntilSettled(started))._unsafeUnwrap().status).toBe('succeeded');
        expect(await store.current(lockKey)).toBeUndefined();
      });
    });
  });

  describe('having a change set of another provider', () => {
    describe('when called', () => {
      it('should refuse it as a validation error and take no lease', async () => {
        const { store } = await setUp();
        const marketplace = provider(store);
        const foreign: StartedChangeSet = {
          provider: 'alibaba-ros',
          changeSetId: 'cs-1',
          scope: { stackId: 'stack-1' },
          startedAt: new Date().toISOString(),
          startToken,
          entities: ['prod-1'],
        };

        const error = (await marketplace.adopt(foreign))._unsafeUnwrapErr();

        expect(error.kind).toBe('validation');
        expect(await store.current(lockKey)).toBeUndefined();
      });
    });
  });
});
