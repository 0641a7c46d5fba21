import {
  type Change,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  DescribeEntityCommand,
  ListChangeSetsCommand,
  ListEntitiesCommand,
  ResourceInUseException,
  StartChangeSetCommand,
  type StartChangeSetCommandInput,
} from '@aws-sdk/client-marketplace-catalog';
import { afterEach, describe, expect, it } from 'vitest';
import { marketplaceClientOf } from '../_internals/marketplace/marketplace-client.spec-support.js';
import { failureOf } from '../_internals/shared/failure-of.spec-support.js';
import { startMarketplaceEmulator } from './marketplace-emulator.js';
import type { MarketplaceEmulatorOptions } from './marketplace-emulator-options.js';
import type { RunningMarketplaceEmulator } from './running-marketplace-emulator.js';

// Sources: StartChangeSet (https://docs.aws.amazon.com/marketplace/latest/APIReference/API_StartChangeSet.html:
// entities are locked while a change set runs, ResourceInUseException; the `entity-id@1` identifier form),
// DescribeChangeSet (API_DescribeChangeSet.html: FailureCode CLIENT_ERROR "see the ErrorDetailList",
// FailureDescription, "If you do not provide a name, one is set by default"), the change types of each entity
// type (change-type-table.ts cites each page). The ErrorCode values are the emulator's: the pages name none.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const update = (identifier: string, overrides: Partial<Change> = {}): Change => ({
  ChangeType: 'UpdateInformation',
  Entity: { Type: 'SaaSProduct@1.0', Identifier: identifier },
  DetailsDocument: { ProductTitle: `title of ${identifier}` },
  ...overrides,
});

describe('the Marketplace catalog rules', () => {
  let emulator: RunningMarketplaceEmulator;

  afterEach(async () => {
    await emulator.close();
  });

  const start = async (options: MarketplaceEmulatorOptions = {}) => {
    emulator = await startMarketplaceEmulator({
      limits: { ratesPerSecond: false },
      timing: { preparingMs: 20, applyingMs: 20 },
      seed: {
        entities: [
          { type: 'SaaSProduct@1.0', identifier: 'prod-abc', name: 'ABC', details: { ProductTitle: 'ABC' } },
          { type: 'Offer@1.0', identifier: 'offer-abc@3' },
        ],
      },
      ...options,
    });
  };

  const startChangeSet = (input: Partial<StartChangeSetCommandInput>) =>
    marketplaceClientOf(emulator).send(
      new StartChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSet: [], ...input }),
    );

  /** Starts a change set and waits until it has settled; its description. */
  const settle = async (input: Partial<StartChangeSetCommandInput>): Promise<DescribeChangeSetCommandOutput> => {
    const { ChangeSetId } = await startChangeSet(input);
    for (let polls = 0; polls < 200; polls += 1) {
      const described = await marketplaceClientOf(emulator).send(
        new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }),
      );
      if (described.Status !== 'PREPARING' && described.Status !== 'APPLYING') return described;
      await sleep(10);
    }
    throw new Error(`change set ${ChangeSetId} did not settle`);
  };

  const describeEntity = (EntityId: string) =>
    marketplaceClientOf(emulator).send(new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId }));

  describe('having changes the catalog refuses after the request', () => {
    it.each<[string, Change, string]>([
      ['an entity that does not exist', update('prod-missing'), 'ENTITY_NOT_FOUND'],
      // "Errors in the AMI products API": AddDeliveryOptions, INVALID_PRODUCT, "Use an existing limited or public product."
      [
        'a new AMI version on a product that does not exist',
        {
          ChangeType: 'AddDeliveryOptions',
          Entity: { Type: 'AmiProduct@1.0', Identifier: 'prod-missing' },
          DetailsDocument: { DeliveryOptions: [] },
        },
        'INVALID_PRODUCT',
      ],
      [
        'a change type that does not exist',
        update('prod-abc', { ChangeType: 'NoSuchChangeType' }),
        'INVALID_CHANGE_TYPE',
      ],
      [
        'a change type of another entity type',
        update('prod-abc', { ChangeType: 'ReleaseOffer', DetailsDocument: {} }),
        'INVALID_CHANGE_TYPE',
      ],
      [
        'an entity of another type',
        update('offer-abc', { DetailsDocument: { Name: 'x' } }),
        'INCOMPATIBLE_ENTITY_TYPE',
      ],
      ['details the schema refuses', update('prod-abc', { DetailsDocument: { ProductTitle: 42 } }), 'INVALID_INPUT'],
      [
        'an update without an identifier',
        { ChangeType: 'UpdateInformation', Entity: { Type: 'SaaSProduct@1.0' }, DetailsDocument: {} },
        'ENTITY_NOT_FOUND',
      ],
    ])(
      'should accept %s, then end FAILED with CLIENT_ERROR and that change ErrorDetailList',
      async (_, refused, code) => {
        await start();

        const valid = update('prod-abc', { ChangeType: 'UpdateTargeting', DetailsDocument: {} });
        const failed = await settle({ ChangeSet: [valid, refused] });

        expect(failed).toMatchObject({ Status: 'FAILED', FailureCode: 'CLIENT_ERROR' });
        // Tied to a change: the reason is in that change's ErrorDetailList, not in FailureDescription.
        expect(failed.FailureDescription).toBeUndefined();
        expect(failed.ChangeSet?.[0]?.ErrorDetailList).toEqual([]);
        expect(failed.ChangeSet?.[1]?.ErrorDetailList).toEqual([{ ErrorCode: code, ErrorMessage: expect.any(String) }]);
        // All or nothing: the valid change was not applied either.
        expect((await describeEntity('prod-abc')).EntityIdentifier).toBe('prod-abc@1');
      },
    );

    it('should fail a VALIDATE dry run the same way', async () => {
      await start();

      const failed = await settle({ Intent: 'VALIDATE', ChangeSet: [update('prod-missing')] });

      expect(failed).toMatchObject({ Status: 'FAILED', FailureCode: 'CLIENT_ERROR', Intent: 'VALIDATE' });
      expect(failed.ChangeSet?.[0]?.ErrorDetailList?.[0]?.ErrorCode).toBe('ENTITY_NOT_FOUND');
    });
  });

  describe('having unknownEntities: create (demos and load tests)', () => {
    it('should make the entity a change names, and still refuse an unknown change type', async () => {
      await start({ unknownEntities: 'create' });

      const made = await settle({ ChangeSet: [update('prod-new')] });
      const refused = await settle({ ChangeSet: [update('prod-new', { ChangeType: 'NoSuchChangeType' })] });

      expect(made.Status).toBe('SUCCEEDED');
      expect((await describeEntity('prod-new')).EntityIdentifier).toBe('prod-new@1');
      expect(refused.ChangeSet?.[0]?.ErrorDetailList?.[0]?.ErrorCode).toBe('INVALID_CHANGE_TYPE');
    });
  });

  describe('having entity revisions', () => {
    it('should answer EntityId@RevisionId, one revision more per applied change set, whatever revision a change names', async () => {
      await start();

      const seededOffer = await describeEntity('offer-abc');
      const first = await settle({ ChangeSet: [update('prod-abc@1')] });
      const second = await settle({
        ChangeSet: [update('prod-abc'), update('prod-abc', { ChangeType: 'UpdateTargeting', DetailsDocument: {} })],
      });
      const described = await describeEntity('prod-abc@1');
      const listed = await marketplaceClientOf(emulator).send(
        new ListEntitiesCommand({ Catalog: 'AWSMarketplace', EntityType: 'SaaSProduct' }),
      );

      expect(seededOffer.EntityIdentifier).toBe('offer-abc@3');
      expect([first.Status, second.Status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      expect(first.ChangeSet?.[0]?.Entity?.Identifier).toBe('prod-abc@1');
      expect(described).toMatchObject({
        EntityIdentifier: 'prod-abc@3',
        DetailsDocument: { ProductTitle: 'title of prod-abc' },
      });
      expect(listed.EntitySummaryList).toEqual([
        expect.objectContaining({ EntityId: 'prod-abc', Name: 'title of prod-abc' }),
      ]);
    });

    it('should lock the entity, not the revision: prod-abc@1 and prod-abc collide with ResourceInUseException 423', async () => {
      await start({ timing: { preparingMs: 200, applyingMs: 200 } });

      const holder = await startChangeSet({ ChangeSet: [update('prod-abc@1')] });
      const refused = await failureOf<ResourceInUseException>(startChangeSet({ ChangeSet: [update('prod-abc')] }));

      expect(refused).toBeInstanceOf(ResourceInUseException);
      expect(refused.$metadata.httpStatusCode).toBe(423);
      expect(refused.message).toContain(holder.ChangeSetId);
      expect(emulator.changeSets()[0]?.lockedEntityIds).toEqual(['prod-abc']);
    });

    it('should list the change sets of an entity by its EntityId, whatever revision they named', async () => {
      await start();
      await settle({ ChangeSet: [update('prod-abc@1')] });

      const listed = await marketplaceClientOf(emulator).send(
        new ListChangeSetsCommand({
          Catalog: 'AWSMarketplace',
          FilterList: [{ Name: 'EntityId', ValueList: ['prod-abc'] }],
        }),
      );

      expect(listed.ChangeSetSummaryList).toHaveLength(1);
    });
  });

  describe('having a change set started without ChangeSetName', () => {
    it('should give it a default name, in DescribeChangeSet and ListChangeSets', async () => {
      await start();

      const described = await settle({ ChangeSet: [update('prod-abc')] });
      const listed = await marketplaceClientOf(emulator).send(new ListChangeSetsCommand({ Catalog: 'AWSMarketplace' }));

      // The page says a name is set by default, not which: the emulator uses the first change's type.
      expect(described.ChangeSetName).toBe('UpdateInformation');
      expect(listed.ChangeSetSummaryList?.[0]?.ChangeSetName).toBe('UpdateInformation');
    });
  });
});
