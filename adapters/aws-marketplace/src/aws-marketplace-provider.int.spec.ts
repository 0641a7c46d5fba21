import { MarketplaceCatalogClient, StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import { InMemoryEntityLockStore } from '@changeplane/core';
import {
  type MarketplaceEmulatorOptions,
  type RunningMarketplaceEmulator,
  startMarketplaceEmulator,
} from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsMarketplaceProvider } from './aws-marketplace-provider.js';
import type { MarketplaceChange, MarketplaceChangeSetRequest } from './marketplace-change-set-request.js';

const wait = { minDelayMs: 20, maxDelayMs: 100, maxWaitMs: 10_000 };
const fastRetry = { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 6 };
const change = (
  identifier: string,
  changeType = 'UpdateInformation',
  details: MarketplaceChange['details'] = { ProductTitle: identifier },
): MarketplaceChange => ({
  changeType,
  entity: { type: 'SaaSProduct@1.0', identifier },
  details,
});
const request = (...changes: MarketplaceChange[]): MarketplaceChangeSetRequest => ({ changeSetName: 'test', changes });

describe(AwsMarketplaceProvider, () => {
  let emulator: RunningMarketplaceEmulator;
  const providers: AwsMarketplaceProvider[] = [];
  const start = async (options: MarketplaceEmulatorOptions = {}) => {
    emulator = await startMarketplaceEmulator({
      unknownEntities: 'create',
      limits: { ratesPerSecond: false },
      timing: { preparingMs: 40, applyingMs: 40 },
      ...options,
    });
  };
  const provider = (extra: Partial<ConstructorParameters<typeof AwsMarketplaceProvider>[0]> = {}) => {
    const created = AwsMarketplaceProvider.fromOptions({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      retry: fastRetry,
      watchIntervalMs: 20,
      ...extra,
    });
    providers.push(created);
    return created;
  };

  afterEach(async () => {
    await Promise.all(providers.splice(0).map((item) => item.dispose()));
    await emulator?.close();
  });

  describe('having a valid request', () => {
    it('should create, start and settle as succeeded, then release the locks', async () => {
      await start();
      const store = new InMemoryEntityLockStore();
      const marketplace = provider({ lockStore: store });
      const handle = (await marketplace.create(request(change('prod-1'), change('prod-2'))))._unsafeUnwrap();
      expect(handle).toMatchObject({ provider: 'aws-marketplace', outcome: 'ready', entities: ['prod-1', 'prod-2'] });
      expect(emulator.requestCount('StartChangeSet')).toBe(0);
      const started = (await marketplace.start(handle))._unsafeUnwrap();
      expect(await store.current('aws-marketplace:default:us-east-1:prod-1')).toMatchObject({
        holder: handle.startToken,
      });
      const settled = (await marketplace.waitUntilSettled(started, wait))._unsafeUnwrap();
      expect(settled).toMatchObject({ status: 'succeeded', rawStatus: 'SUCCEEDED' });
      expect(await store.current('aws-marketplace:default:us-east-1:prod-1')).toBeUndefined();
    });

    it('should release the locks on its own when nobody waits', async () => {
      await start();
      const store = new InMemoryEntityLockStore();
      const marketplace = provider({ lockStore: store });
      const handle = (await marketplace.create(request(change('prod-1'))))._unsafeUnwrap();
      (await marketplace.start(handle))._unsafeUnwrap();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await store.current('aws-marketplace:default:us-east-1:prod-1')).toBeUndefined();
    });

    it('should report a failed change set with its failure code and reason', async () => {
      await start();
      const marketplace = provider();
      const handle = (
        await marketplace.create(request(change('prod-1', 'UpdateInformation', { ProductTitle: 42 })))
      )._unsafeUnwrap();
      const started = (await marketplace.start(handle))._unsafeUnwrap();
      const settled = (await marketplace.waitUntilSettled(started, wait))._unsafeUnwrap();
      expect(settled).toMatchObject({ status: 'failed', failureCode: 'CLIENT_ERROR' });
      expect(settled.reason).toContain('INVALID_INPUT');
    });

    it('should run a server-side dry run with Intent VALIDATE when asked', async () => {
      await start();
      const marketplace = provider();
      const ok = await marketplace.create(request(change('prod-1')), { validateOnServer: true, wait });
      expect(ok.isOk()).toBe(true);
      const refused = await marketplace.create(request(change('prod-1', 'UpdateInformation', { ProductTitle: 42 })), {
        validateOnServer: true,
        wait,
      });
      expect(refused._unsafeUnwrapErr()).toMatchObject({ kind: 'validation' });
      expect(emulator.changeSets().every((item) => item.intent === 'VALIDATE')).toBe(true);
    });
  });

  describe('having requests that break the rules', () => {
    it('should refuse the page example and 21 changes without any call', async () => {
      await start();
      const marketplace = provider();
      const seed = await marketplace.create({
        changes: [
          {
            changeType: 'AddRevisions',
            entity: { type: 'DataProduct@1.0', identifier: 'entity-id@1' },
            details: '{"DataSetArn": "a", "RevisionArns": ["r"]}',
          },
          {
            changeType: 'AddRevisions',
            entity: { type: 'DataProduct@1.0', identifier: 'entity-id@1' },
            details: '{"DataSetArn": "a", "RevisionArns": ["r3"]}',
          },
        ],
      });
      expect(seed._unsafeUnwrapErr().kind).toBe('validation');
      const tooMany = await marketplace.create(request(...Array.from({ length: 21 }, (_, n) => change(`p${n}`))));
      expect(tooMany._unsafeUnwrapErr()).toMatchObject({
        kind: 'validation',
        issues: [expect.objectContaining({ path: 'changes', rule: 'maxItems' })],
      });
      expect(emulator.requestCount()).toBe(0);
    });
  });

  describe('having two callers on one entity', () => {
    it('should start exactly one; the other gets locked naming the entity and the holder', async () => {
      await start({ timing: { preparingMs: 200, applyingMs: 200 } });
      const store = new InMemoryEntityLockStore();
      const marketplace = provider({ lockStore: store });
      const [a, b] = await Promise.all([
        marketplace.create(request(change('prod-1'))),
        marketplace.create(request(change('prod-1', 'UpdateTargeting'))),
      ]);
      const results = await Promise.all([marketplace.start(a._unsafeUnwrap()), marketplace.start(b._unsafeUnwrap())]);
      expect(results.filter((result) => result.isOk())).toHaveLength(1);
      const locked = results.find((result) => result.isErr())!._unsafeUnwrapErr();
      expect(locked).toMatchObject({ kind: 'locked', entities: ['prod-1'] });
      expect(emulator.requestCount('StartChangeSet')).toBe(1);
      // create() sees the held lock too, before any call, and names the holder by its change-set id.
      const holder = results.find((result) => result.isOk())!._unsafeUnwrap();
      const again = (await marketplace.create(request(change('prod-1'))))._unsafeUnwrapErr();
      expect(again).toMatchObject({ kind: 'locked', heldBy: holder.changeSetId });
      expect(again.message).toContain(`locked by change set ${holder.changeSetId}`);
      expect(again.message).not.toContain(holder.startToken);
    });

    it('should start after the first settles when the caller waits for the lock', async () => {
      await start({ timing: { preparingMs: 80, applyingMs: 80 } });
      const marketplace = provider();
      const firstHandle = (await marketplace.create(request(change('prod-1'))))._unsafeUnwrap();
      const secondHandle = (await marketplace.create(request(change('prod-1', 'UpdateTargeting'))))._unsafeUnwrap();
      const first = (await marketplace.start(firstHandle))._unsafeUnwrap();
      const second = await marketplace.start(secondHandle, { lockWait: { maxWaitMs: 5_000 } });
      expect(second.isOk()).toBe(true);
      const firstState = (await marketplace.describe(first))._unsafeUnwrap();
      expect(firstState.status).toBe('succeeded');
    });

    it('should not refuse at create an entity locked now when the caller will wait for it at start', async () => {
      await start({ timing: { preparingMs: 80, applyingMs: 80 } });
      const marketplace = provider();
      const first = (
        await marketplace.create(request(change('prod-1'))).andThen((handle) => marketplace.start(handle))
      )._unsafeUnwrap();
      const refused = await marketplace.create(request(change('prod-1', 'UpdateTargeting')));
      const lockWait = { maxWaitMs: 5_000 };
      const waited = await marketplace
        .create(request(change('prod-1', 'UpdateTargeting')), { lockWait })
        .andThen((handle) => marketplace.start(handle, { lockWait }));

      expect(refused._unsafeUnwrapErr()).toMatchObject({ kind: 'locked', heldBy: first.changeSetId });
      expect(waited.isOk()).toBe(true);
      expect((await marketplace.describe(first))._unsafeUnwrap().status).toBe('succeeded');
      expect(emulator.requestCount('StartChangeSet')).toBe(2);
    });

    it('should map a 423 from a change set another client started to locked', async () => {
      await start({ timing: { preparingMs: 300, applyingMs: 300 } });
      const other = new MarketplaceCatalogClient({
        region: emulator.region,
        endpoint: emulator.endpoint,
        credentials: emulator.credentials,
      });
      await other.send(
        new StartChangeSetCommand({
          Catalog: 'AWSMarketplace',
          ChangeSet: [
            {
              ChangeType: 'UpdateInformation',
              Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-1' },
              DetailsDocument: {},
            },
          ],
        }),
      );
      const marketplace = provider();
      const result = await marketplace.start((await marketplace.create(request(change('prod-1'))))._unsafeUnwrap());
      expect(result._unsafeUnwrapErr()).toMatchObject({
        kind: 'locked',
        code: 'ResourceInUseException',
        httpStatus: 423,
        entities: ['prod-1'],
      });
    });
  });

  describe('having throttling, 5xx and dropped answers', () => {
    it('should still make exactly one change set, with the same token on every attempt', async () => {
      await start();
      emulator.faults.add({ kind: 'throttle', operation: 'StartChangeSet', count: 2 });
      emulator.faults.add({ kind: 'server-error', operation: 'StartChangeSet', count: 1, after: true });
      emulator.faults.add({ kind: 'drop', operation: 'StartChangeSet', count: 1, after: true });
      const marketplace = provider();
      const handle = (await marketplace.create(request(change('prod-1'))))._unsafeUnwrap();
      const started = (await marketplace.start(handle))._unsafeUnwrap();
      expect(emulator.requestCount('StartChangeSet')).toBe(5);
      expect(emulator.changeSets()).toHaveLength(1);
      expect(emulator.changeSets()[0]).toMatchObject({
        changeSetId: started.changeSetId,
        clientRequestToken: handle.startToken,
      });
    });

    it('should give up after the retry policy with the attempts it made', async () => {
      await start();
      emulator.faults.add({ kind: 'server-error', operation: 'StartChangeSet' });
      const marketplace = provider({ retry: { ...fastRetry, maxAttempts: 3 } });
      const error = (
        await marketplace.start((await marketplace.create(request(change('prod-1'))))._unsafeUnwrap())
      )._unsafeUnwrapErr();
      expect(error).toMatchObject({
        kind: 'provider-fault',
        code: 'InternalServiceException',
        httpStatus: 500,
        attempts: 3,
      });
      expect(emulator.changeSets()).toHaveLength(0);
    });
  });

  describe('having cancel', () => {
    it('should cancel in PREPARING and give a clear error after', async () => {
      await start({ timing: { preparingMs: 150, applyingMs: 400 } });
      const marketplace = provider();
      const first = (
        await marketplace.start((await marketplace.create(request(change('prod-1'))))._unsafeUnwrap())
      )._unsafeUnwrap();
      expect((await marketplace.cancel(first))._unsafeUnwrap().status).toBe('cancelled');
      const second = (
        await marketplace.start((await marketplace.create(request(change('prod-1'))))._unsafeUnwrap())
      )._unsafeUnwrap();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const error = (await marketplace.cancel(second))._unsafeUnwrapErr();
      expect(error.kind).toBe('conflict');
      expect(error.message).toContain('can no longer be cancelled');
    });
  });

  describe('having errors the emulator produces', () => {
    it.each([
      ['quota-exceeded', 'ServiceQuotaExceededException', 402],
      ['authentication', 'InvalidSignatureException', 403],
      ['not-found', 'ResourceNotFoundException', 404],
      ['throttled', 'ThrottlingException', 429],
      ['network', 'ECONNREFUSED', undefined],
    ] as const)('should map to %s', async (kind, code, status) => {
      await start({
        timing: { preparingMs: 500, applyingMs: 500 },
        limits: { ratesPerSecond: false, openChangeSetsPerAccount: 1 },
      });
      const marketplace = provider({ retry: { maxAttempts: 1 } });
      let result: Awaited<ReturnType<typeof marketplace.start>>;
      if (kind === 'quota-exceeded') {
        await marketplace.start((await marketplace.create(request(change('a'))))._unsafeUnwrap());
        result = await marketplace.start((await marketplace.create(request(change('b'))))._unsafeUnwrap());
      } else if (kind === 'authentication') {
        const wrong = provider({
          credentials: { ...emulator.credentials, secretAccessKey: 'wrong-secret-value-123' },
          retry: { maxAttempts: 1 },
        });
        result = await wrong.start((await wrong.create(request(change('a'))))._unsafeUnwrap());
        expect(JSON.stringify(result._unsafeUnwrapErr())).not.toContain('wrong-secret-value-123');
      } else if (kind === 'not-found') {
        const described = await marketplace.describe({
          provider: 'aws-marketplace',
          changeSetId: 'missing',
          scope: { catalog: 'AWSMarketplace' },
        });
        expect(described._unsafeUnwrapErr()).toMatchObject({ kind, code, httpStatus: status });
        return;
      } else if (kind === 'throttled') {
        emulator.faults.add({ kind: 'throttle', operation: 'StartChangeSet' });
        result = await marketplace.start((await marketplace.create(request(change('a'))))._unsafeUnwrap());
      } else {
        const closed = provider({ endpoint: 'http://127.0.0.1:9', retry: { maxAttempts: 1 } });
        result = await closed.start((await closed.create(request(change('a'))))._unsafeUnwrap());
      }
      const error = result._unsafeUnwrapErr();
      expect(error.kind).toBe(kind);
      expect(error.code).toBe(code);
      if (status) expect(error.httpStatus).toBe(status);
    });
  });
});
