import {
  DescribeChangeSetCommand,
  DescribeEntityCommand,
  ListChangeSetsCommand,
  type ListChangeSetsCommandInput,
  ListEntitiesCommand,
  ResourceNotFoundException,
  StartChangeSetCommand,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketplaceClientOf } from '../_internals/marketplace/marketplace-client.spec-support.js';
import { failureOf } from '../_internals/shared/failure-of.spec-support.js';
import { startMarketplaceEmulator } from './marketplace-emulator.js';
import type { RunningMarketplaceEmulator } from './running-marketplace-emulator.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startMarketplaceEmulator', () => {
  let emulator: RunningMarketplaceEmulator;
  const started: string[] = [];

  const client = () => marketplaceClientOf(emulator);

  const listChangeSets = (input: Partial<ListChangeSetsCommandInput> = {}) =>
    client().send(new ListChangeSetsCommand({ Catalog: 'AWSMarketplace', ...input }));

  const rejectionOf = failureOf<Error & { $metadata: { httpStatusCode?: number } }>;

  // Five change sets set-0..set-4 on entities e0..e4; set-4 FAILED (a failure scripted through the control API),
  // the others SUCCEEDED.
  beforeAll(async () => {
    emulator = await startMarketplaceEmulator({
      limits: { ratesPerSecond: false },
      timing: { preparingMs: 5, applyingMs: 5 },
      entities: [
        ...Array.from({ length: 7 }, (_, n) => ({
          type: 'ContainerProduct@1.0',
          identifier: `prod-seed${n}`,
          name: `Seeded ${n}`,
          details: { Visibility: 'Public' },
        })),
        ...Array.from({ length: 5 }, (_, n) => ({ type: 'SaaSProduct@1.0', identifier: `e${n}` })),
      ],
    });
    emulator.control.failNext({ entity: 'e4', code: 'INVALID_INPUT', message: 'scripted failure' });
    for (let n = 0; n < 5; n += 1) {
      const { ChangeSetId } = await client().send(
        new StartChangeSetCommand({
          Catalog: 'AWSMarketplace',
          ChangeSetName: `set-${n}`,
          ChangeSet: [
            {
              ChangeType: 'UpdateInformation',
              Entity: { Type: 'SaaSProduct@1.0', Identifier: `e${n}` },
              DetailsDocument: {},
            },
          ],
        }),
      );
      started.push(ChangeSetId as string);
    }
    // Wait for them to finish: timers fire late, never early, on a busy machine.
    while (emulator.changeSets().some((item) => item.status === 'PREPARING' || item.status === 'APPLYING'))
      await sleep(5);
  });

  afterAll(async () => {
    await emulator.close();
  });

  describe('having change sets', () => {
    describe('when ListChangeSets pages them sorted by name', () => {
      it('should answer the pages in order with a NextToken between them', async () => {
        const sort = { SortBy: 'ChangeSetName', SortOrder: 'DESCENDING' } as const;

        const first = await listChangeSets({ MaxResults: 2, Sort: sort });
        const second = await listChangeSets({ MaxResults: 2, Sort: sort, NextToken: first.NextToken });
        const last = await listChangeSets({ MaxResults: 2, Sort: sort, NextToken: second.NextToken });

        expect(first.ChangeSetSummaryList?.map((item) => item.ChangeSetName)).toEqual(['set-4', 'set-3']);
        expect(second.ChangeSetSummaryList?.map((item) => item.ChangeSetName)).toEqual(['set-2', 'set-1']);
        expect(last.ChangeSetSummaryList?.map((item) => item.ChangeSetName)).toEqual(['set-0']);
        expect(last.NextToken).toBeUndefined();
      });
    });

    describe('when ListChangeSets filters them', () => {
      it.each<[string, ListChangeSetsCommandInput['FilterList'], string[]]>([
        ['by EntityId', [{ Name: 'EntityId', ValueList: ['e3', 'e1'] }], ['set-1', 'set-3']],
        ['by ChangeSetName', [{ Name: 'ChangeSetName', ValueList: ['set-2'] }], ['set-2']],
        ['by Status', [{ Name: 'Status', ValueList: ['FAILED'] }], ['set-4']],
        [
          'by Status and EntityId (AND)',
          [
            { Name: 'Status', ValueList: ['SUCCEEDED'] },
            { Name: 'EntityId', ValueList: ['e4', 'e0'] },
          ],
          ['set-0'],
        ],
        [
          'by AfterStartTime',
          [{ Name: 'AfterStartTime', ValueList: ['2000-01-01T00:00:00Z'] }],
          ['set-0', 'set-1', 'set-2', 'set-3', 'set-4'],
        ],
        ['by BeforeEndTime', [{ Name: 'BeforeEndTime', ValueList: ['2000-01-01T00:00:00Z'] }], []],
      ])('should keep those matching %s', async (_, FilterList, names) => {
        const listed = await listChangeSets({ FilterList });

        expect(listed.ChangeSetSummaryList?.map((item) => item.ChangeSetName)).toEqual(names);
      });

      it('should answer the summary members of the SDK model', async () => {
        const listed = await listChangeSets({ FilterList: [{ Name: 'ChangeSetName', ValueList: ['set-0'] }] });

        expect(listed.ChangeSetSummaryList).toEqual([
          {
            ChangeSetId: started[0],
            ChangeSetArn: `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${started[0]}`,
            ChangeSetName: 'set-0',
            StartTime: expect.stringMatching(/Z$/),
            EndTime: expect.stringMatching(/Z$/),
            Status: 'SUCCEEDED',
            EntityIdList: ['e0'],
          },
        ]);
      });
    });

    describe('when ListChangeSets is called wrongly', () => {
      it.each<[string, Partial<ListChangeSetsCommandInput>, string]>([
        ['MaxResults 21', { MaxResults: 21 }, 'MaxResults'],
        ['MaxResults 0', { MaxResults: 0 }, 'MaxResults'],
        ['a NextToken it never issued', { NextToken: 'forged' }, 'NextToken'],
        ['an unknown filter', { FilterList: [{ Name: 'Owner', ValueList: ['me'] }] }, 'FilterList[0].Name'],
        [
          '11 filter values',
          { FilterList: [{ Name: 'EntityId', ValueList: Array.from({ length: 11 }, (_, n) => `e${n}`) }] },
          'FilterList[0].ValueList',
        ],
        [
          '9 filters',
          { FilterList: Array.from({ length: 9 }, () => ({ Name: 'EntityId', ValueList: ['e0'] })) },
          'FilterList',
        ],
        [
          'a time filter without a time',
          { FilterList: [{ Name: 'AfterEndTime', ValueList: ['yesterday'] }] },
          'FilterList[0].ValueList',
        ],
        ['an unknown SortBy', { Sort: { SortBy: 'Colour' } }, 'Sort.SortBy'],
      ])('should refuse %s with ValidationException', async (_, input, field) => {
        const error = (await rejectionOf(listChangeSets(input))) as ValidationException;

        expect(error).toBeInstanceOf(ValidationException);
        expect(error.ValidationExceptionFieldList?.map((item) => item.Field)).toContain(field);
      });
    });

    describe('when DescribeChangeSet names an unknown change set or catalog', () => {
      it('should answer ResourceNotFoundException 404', async () => {
        const unknownId = await rejectionOf(
          client().send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: 'no-such-set' })),
        );
        const unknownCatalog = await rejectionOf(
          client().send(new DescribeChangeSetCommand({ Catalog: 'Elsewhere', ChangeSetId: started[0] })),
        );

        expect(unknownId).toBeInstanceOf(ResourceNotFoundException);
        expect(unknownId.$metadata.httpStatusCode).toBe(404);
        expect(unknownCatalog).toBeInstanceOf(ResourceNotFoundException);
      });
    });

    describe('when DescribeChangeSet names a malformed id', () => {
      it('should answer ValidationException on ChangeSetId', async () => {
        const error = (await rejectionOf(
          client().send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: 'a.b' })),
        )) as ValidationException;

        expect(error).toBeInstanceOf(ValidationException);
        expect(error.ValidationExceptionFieldList?.[0]?.Field).toBe('ChangeSetId');
      });
    });
  });

  describe('having seeded entities', () => {
    describe('when ListEntities pages one type', () => {
      it('should list only that type, in pages', async () => {
        const sdk = client();
        const first = await sdk.send(
          new ListEntitiesCommand({
            Catalog: 'AWSMarketplace',
            EntityType: 'ContainerProduct',
            MaxResults: 5,
            Sort: { SortBy: 'EntityId' },
          }),
        );
        const second = await sdk.send(
          new ListEntitiesCommand({
            Catalog: 'AWSMarketplace',
            EntityType: 'ContainerProduct',
            MaxResults: 5,
            Sort: { SortBy: 'EntityId' },
            NextToken: first.NextToken,
          }),
        );

        expect(first.EntitySummaryList?.map((item) => item.EntityId)).toEqual([
          'prod-seed0',
          'prod-seed1',
          'prod-seed2',
          'prod-seed3',
          'prod-seed4',
        ]);
        expect(second.EntitySummaryList?.map((item) => item.EntityId)).toEqual(['prod-seed5', 'prod-seed6']);
        expect(second.NextToken).toBeUndefined();
        expect(first.EntitySummaryList?.[0]).toMatchObject({
          Name: 'Seeded 0',
          EntityType: 'ContainerProduct@1.0',
          Visibility: 'Public',
        });
      });
    });

    describe('when ListEntities filters by EntityId', () => {
      it('should keep only those', async () => {
        const listed = await client().send(
          new ListEntitiesCommand({
            Catalog: 'AWSMarketplace',
            EntityType: 'ContainerProduct',
            FilterList: [{ Name: 'EntityId', ValueList: ['prod-seed3'] }],
          }),
        );

        expect(listed.EntitySummaryList?.map((item) => item.EntityId)).toEqual(['prod-seed3']);
      });
    });

    describe('when ListEntities has no EntityType', () => {
      it('should answer ValidationException on EntityType', async () => {
        const error = (await rejectionOf(
          client().send(
            new ListEntitiesCommand({ Catalog: 'AWSMarketplace' } as ConstructorParameters<
              typeof ListEntitiesCommand
            >[0]),
          ),
        )) as ValidationException;

        expect(error).toBeInstanceOf(ValidationException);
        expect(error.ValidationExceptionFieldList?.[0]?.Field).toBe('EntityType');
      });
    });

    describe('when DescribeEntity names a seeded and an unknown entity', () => {
      it('should describe the first and answer ResourceNotFoundException 404 for the second', async () => {
        const seeded = await client().send(
          new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId: 'prod-seed2' }),
        );
        const missing = await rejectionOf(
          client().send(new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId: 'prod-missing' })),
        );

        expect(seeded).toMatchObject({
          EntityType: 'ContainerProduct@1.0',
          EntityIdentifier: 'prod-seed2@1',
          DetailsDocument: { Visibility: 'Public' },
          Details: '{"Visibility":"Public"}',
        });
        expect(missing).toBeInstanceOf(ResourceNotFoundException);
        expect(missing.$metadata.httpStatusCode).toBe(404);
      });
    });
  });
});
