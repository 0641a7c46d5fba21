import {
  CancelChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeEntityCommand,
  ListChangeSetsCommand,
  ListEntitiesCommand,
  MarketplaceCatalogClient,
  ResourceInUseException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  StartChangeSetCommand,
  type StartChangeSetCommandInput,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from './marketplace-emulator.js';
import type { MarketplaceEmulatorOptions } from './marketplace-emulator-options.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const change = (
  identifier: string,
  changeType = 'UpdateInformation',
  details: Record<string, string> = { ProductTitle: identifier },
) => ({
  ChangeType: changeType,
  Entity: { Type: 'SaaSProduct@1.0', Identifier: identifier },
  DetailsDocument: details,
});

/** The StartChangeSet page's own example, which must be refused. */
const seedExample: StartChangeSetCommandInput = {
  Catalog: 'AWSMarketplace',
  ChangeSetName: 'Adding revisions to my test Data Product',
  ChangeSet: [
    {
      ChangeType: 'AddRevisions',
      Entity: { Identifier: 'entity-id@1', Type: 'DataProduct@1.0' },
      Details: '{"DataSetArn": "data-set-arn", "RevisionArns": ["revision-arn", "revision-arn-2"] }',
    },
    {
      ChangeType: 'AddRevisions',
      Entity: { Identifier: 'entity-id@1', Type: 'DataProduct@1.0' },
      Details: '{"DataSetArn": "data-set-arn", "RevisionArns": ["revision-arn3"] }',
    },
  ],
};

describe('startMarketplaceEmulator', () => {
  let emulator: RunningMarketplaceEmulator;
  const start = async (options: MarketplaceEmulatorOptions = {}) => {
    emulator = await startMarketplaceEmulator({ limits: { ratesPerSecond: false }, ...options });
    return emulator;
  };
  const client = (overrides: Partial<{ secretAccessKey: string; maxAttempts: number }> = {}) =>
    new MarketplaceCatalogClient({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: {
        ...emulator.credentials,
        ...(overrides.secretAccessKey ? { secretAccessKey: overrides.secretAccessKey } : {}),
      },
      maxAttempts: overrides.maxAttempts ?? 1,
    });
  const startChangeSet = (input: Partial<StartChangeSetCommandInput>, sdk = client()) =>
    sdk.send(new StartChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSet: [change('prod-1')], ...input }));
  const rejection = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error as Error & {
        $metadata: { httpStatusCode?: number };
        ValidationExceptionFieldList?: { Field: string }[];
      };
    }
    throw new Error('expected a rejection');
  };

  afterEach(async () => {
    await emulator?.close();
  });

  describe('having a valid change set', () => {
    it('should go PREPARING -> APPLYING -> SUCCEEDED and apply the entity', async () => {
      await start({ timing: { preparingMs: 60, applyingMs: 60 } });
      const { ChangeSetId, ChangeSetArn } = await startChangeSet({ ChangeSetName: 'first' });
      expect(ChangeSetArn).toMatch(/^arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace\/ChangeSet\//);
      const describe = () => client().send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }));
      expect((await describe()).Status).toBe('PREPARING');
      await sleep(90);
      expect((await describe()).Status).toBe('APPLYING');
      await sleep(90);
      const done = await describe();
      expect(done).toMatchObject({ Status: 'SUCCEEDED', ChangeSetName: 'first', Intent: 'APPLY' });
      expect(done.EndTime).toBeTruthy();
      const entity = await client().send(new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId: 'prod-1' }));
      expect(entity).toMatchObject({ EntityType: 'SaaSProduct@1.0', DetailsDocument: { ProductTitle: 'prod-1' } });
      const listed = await client().send(
        new ListEntitiesCommand({ Catalog: 'AWSMarketplace', EntityType: 'SaaSProduct' }),
      );
      expect(listed.EntitySummaryList?.map((item) => item.EntityId)).toEqual(['prod-1']);
    });

    it('should fail a change that carries the emulator hook, with FailureCode and ErrorDetailList', async () => {
      await start({ timing: { preparingMs: 20, applyingMs: 20 } });
      const { ChangeSetId } = await startChangeSet({
        ChangeSet: [change('prod-1', 'UpdateInformation', { EmulatorOutcome: 'FAIL' })],
      });
      await sleep(60);
      const failed = await client().send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }));
      expect(failed).toMatchObject({ Status: 'FAILED', FailureCode: 'CLIENT_ERROR' });
      expect(failed.ChangeSet?.[0]?.ErrorDetailList?.[0]?.ErrorCode).toBe('INVALID_INPUT');
    });
  });

  describe('having invalid requests', () => {
    it('should refuse the StartChangeSet page example with ValidationException 422', async () => {
      await start();
      const error = await rejection(client().send(new StartChangeSetCommand(seedExample)));
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.$metadata.httpStatusCode).toBe(422);
      expect(error.message).toContain('AddRevisions');
      expect(error.ValidationExceptionFieldList?.[0]?.Field).toBe('ChangeSet[1].ChangeType');
      expect(emulator.changeSets()).toEqual([]);
    });

    it.each([
      ['21 changes', { ChangeSet: Array.from({ length: 21 }, (_, n) => change(`prod-${n}`)) }, 'ChangeSet'],
      ['no changes', { ChangeSet: [] }, 'ChangeSet'],
      [
        'Details and DetailsDocument',
        { ChangeSet: [{ ...change('prod-1'), Details: '{"a":1}' }] },
        'ChangeSet[0].Details',
      ],
      [
        'Details that are not JSON',
        {
          ChangeSet: [
            { ChangeType: 'UpdateInformation', Entity: { Type: 'SaaSProduct@1.0', Identifier: 'p' }, Details: '{nope' },
          ],
        },
        'ChangeSet[0].Details',
      ],
      ['a Catalog with digits', { Catalog: 'AWS1' }, 'Catalog'],
      ['a long Catalog', { Catalog: 'A'.repeat(65) }, 'Catalog'],
      ['a ChangeSetName with a slash', { ChangeSetName: 'a/b' }, 'ChangeSetName'],
      ['a ChangeSetName of 101 characters', { ChangeSetName: 'n'.repeat(101) }, 'ChangeSetName'],
      ['a token of 65 characters', { ClientRequestToken: 't'.repeat(65) }, 'ClientRequestToken'],
      ['a token with a space', { ClientRequestToken: 'a b' }, 'ClientRequestToken'],
      ['a lower-case ChangeType', { ChangeSet: [change('prod-1', 'updateInformation')] }, 'ChangeSet[0].ChangeType'],
      ['an identifier with a slash', { ChangeSet: [change('prod/1')] }, 'ChangeSet[0].Entity.Identifier'],
      [
        'an unknown reference',
        { ChangeSet: [change('prod-1', 'UpdateInformation', { ProductId: '$Missing.Entity.Identifier' })] },
        'ChangeSet[0].Details',
      ],
    ] as const)('should refuse %s naming the field', async (_, input, field) => {
      await start();
      const error = await rejection(startChangeSet(input as Partial<StartChangeSetCommandInput>));
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.ValidationExceptionFieldList?.map((entry) => entry.Field)).toContain(field);
    });

    it('should accept a 64-character printable token, as the current service model does', async () => {
      await start();
      await expect(startChangeSet({ ClientRequestToken: `${'x'.repeat(60)}.:/!` })).resolves.toHaveProperty(
        'ChangeSetId',
      );
    });
  });

  describe('having entity locks', () => {
    it('should refuse a change set on a locked entity with ResourceInUseException 423', async () => {
      await start({ timing: { preparingMs: 200, applyingMs: 200 } });
      const first = await startChangeSet({});
      const error = await rejection(startChangeSet({ ChangeSet: [change('prod-1', 'UpdateTargeting')] }));
      expect(error).toBeInstanceOf(ResourceInUseException);
      expect(error.$metadata.httpStatusCode).toBe(423);
      expect(error.message).toContain('prod-1');
      expect(error.message).toContain(first.ChangeSetId);
    });

    it('should never leave two running change sets on one entity under 50 parallel starts', async () => {
      await start({
        timing: { preparingMs: 30, applyingMs: 30 },
        limits: { ratesPerSecond: false, openChangeSetsPerAccount: 100 },
      });
      const entities = ['prod-a', 'prod-b', 'prod-c', 'prod-d'];
      let overlaps = 0;
      const watcher = setInterval(() => {
        const running = emulator
          .changeSets()
          .filter((item) => item.status === 'PREPARING' || item.status === 'APPLYING');
        const seen = new Set<string>();
        for (const item of running) for (const id of item.entityIds) seen.has(id) ? overlaps++ : seen.add(id);
      }, 2);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, n) =>
          startChangeSet({ ChangeSet: [change(entities[n % 4]!), change(entities[(n + 1) % 4]!, 'UpdateTargeting')] }),
        ),
      );
      clearInterval(watcher);
      expect(overlaps).toBe(0);
      const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(outcomes.length - rejected.length).toBeGreaterThanOrEqual(1);
      expect(rejected.length).toBeGreaterThanOrEqual(1);
      for (const outcome of rejected)
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ResourceInUseException);
    });
  });

  describe('having CancelChangeSet', () => {
    it('should cancel in PREPARING, release the locks, and refuse once APPLYING', async () => {
      await start({ timing: { preparingMs: 80, applyingMs: 300 } });
      const first = await startChangeSet({});
      await client().send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: first.ChangeSetId }));
      const cancelled = await client().send(
        new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: first.ChangeSetId }),
      );
      expect(cancelled.Status).toBe('CANCELLED');
      const second = await startChangeSet({});
      await sleep(120);
      const error = await rejection(
        client().send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: second.ChangeSetId })),
      );
      expect(error).toBeInstanceOf(ResourceInUseException);
      const missing = await rejection(
        client().send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: 'nope' })),
      );
      expect(missing).toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('having ClientRequestToken', () => {
    it('should answer the same change set for the same token and request, and refuse it for another request', async () => {
      await start();
      const first = await startChangeSet({ ClientRequestToken: 'deploy-1' });
      const again = await startChangeSet({ ClientRequestToken: 'deploy-1' });
      expect(again.ChangeSetId).toBe(first.ChangeSetId);
      expect(emulator.changeSets()).toHaveLength(1);
      const error = await rejection(startChangeSet({ ClientRequestToken: 'deploy-1', ChangeSet: [change('prod-2')] }));
      expect(error).toBeInstanceOf(ValidationException);
    });

    it('should leave exactly one change set when the answer is dropped after the start and the SDK retries', async () => {
      await start();
      emulator.faults.add({ kind: 'drop', operation: 'StartChangeSet', count: 1, after: true });
      emulator.faults.add({ kind: 'server-error', operation: 'StartChangeSet', count: 1, after: true });
      const result = await startChangeSet({}, client({ maxAttempts: 3 }));
      expect(emulator.changeSets()).toHaveLength(1);
      expect(emulator.changeSets()[0]!.changeSetId).toBe(result.ChangeSetId);
      expect(emulator.requestCount('StartChangeSet')).toBe(3);
    });
  });

  describe('having limits', () => {
    it('should answer ServiceQuotaExceededException 402 past the open change sets per account', async () => {
      await start({
        timing: { preparingMs: 500, applyingMs: 500 },
        limits: { ratesPerSecond: false, openChangeSetsPerAccount: 2 },
      });
      await startChangeSet({ ChangeSet: [change('p1')] });
      await startChangeSet({ ChangeSet: [change('p2')] });
      const error = await rejection(startChangeSet({ ChangeSet: [change('p3')] }));
      expect(error).toBeInstanceOf(ServiceQuotaExceededException);
      expect(error.$metadata.httpStatusCode).toBe(402);
    });

    it('should throttle past the documented StartChangeSet rate, and the SDK should retry it', async () => {
      emulator = await startMarketplaceEmulator();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, n) => startChangeSet({ ChangeSet: [change(`t${n}`)] })),
      );
      const throttled = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(throttled.length).toBe(3);
      for (const outcome of throttled)
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ThrottlingException);
      emulator.faults.add({ kind: 'throttle', operation: 'ListChangeSets', count: 1 });
      const retried = await client({ maxAttempts: 3 }).send(new ListChangeSetsCommand({ Catalog: 'AWSMarketplace' }));
      expect(retried.ChangeSetSummaryList?.length).toBe(5);
      expect(emulator.requestCount('ListChangeSets')).toBe(2);
    });
  });

  describe('having ListChangeSets', () => {
    it('should filter, sort and page', async () => {
      await start({ timing: { preparingMs: 10, applyingMs: 10 } });
      for (let n = 0; n < 5; n += 1) await startChangeSet({ ChangeSetName: `set-${n}`, ChangeSet: [change(`e${n}`)] });
      const sdk = client();
      const firstPage = await sdk.send(
        new ListChangeSetsCommand({
          Catalog: 'AWSMarketplace',
          MaxResults: 2,
          Sort: { SortBy: 'Name', SortOrder: 'DESCENDING' },
        }),
      );
      expect(firstPage.ChangeSetSummaryList?.map((item) => item.ChangeSetName)).toEqual(['set-4', 'set-3']);
      const secondPage = await sdk.send(
        new ListChangeSetsCommand({
          Catalog: 'AWSMarketplace',
          MaxResults: 2,
          NextToken: firstPage.NextToken,
          Sort: { SortBy: 'Name', SortOrder: 'DESCENDING' },
        }),
      );
      expect(secondPage.ChangeSetSummaryList?.map((item) => item.ChangeSetName)).toEqual(['set-2', 'set-1']);
      const filtered = await sdk.send(
        new ListChangeSetsCommand({ Catalog: 'AWSMarketplace', FilterList: [{ Name: 'EntityId', ValueList: ['e3'] }] }),
      );
      expect(filtered.ChangeSetSummaryList?.map((item) => item.EntityIdList)).toEqual([['e3']]);
    });
  });

  describe('having bad signatures', () => {
    it('should refuse a wrong secret and an unknown key', async () => {
      await start();
      const wrongSecret = await rejection(startChangeSet({}, client({ secretAccessKey: 'wrong-secret-wrong-secret' })));
      expect(wrongSecret.name).toBe('InvalidSignatureException');
      expect(wrongSecret.$metadata.httpStatusCode).toBe(403);
      const unknown = new MarketplaceCatalogClient({
        region: 'us-east-1',
        endpoint: emulator.endpoint,
        credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' },
        maxAttempts: 1,
      });
      const unknownKey = await rejection(startChangeSet({}, unknown));
      expect(unknownKey.name).toBe('UnrecognizedClientException');
      expect(emulator.changeSets()).toEqual([]);
    });
  });
});
