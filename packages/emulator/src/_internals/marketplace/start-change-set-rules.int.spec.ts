import {
  type Change,
  ResourceNotFoundException,
  StartChangeSetCommand,
  type StartChangeSetCommandInput,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarketplaceEmulator } from '../../marketplace/marketplace-emulator.js';
import type { RunningMarketplaceEmulator } from '../../marketplace/running-marketplace-emulator.js';
import { failureOf } from '../shared/failure-of.spec-support.js';
import { marketplaceClientOf } from './marketplace-client.spec-support.js';

const change = (identifier: string, overrides: Partial<Change> = {}): Change => ({
  ChangeType: 'UpdateInformation',
  Entity: { Type: 'SaaSProduct@1.0', Identifier: identifier },
  DetailsDocument: { ProductTitle: identifier },
  ...overrides,
});

/** The StartChangeSet page's own example: two AddRevisions against entity-id@1. It must be refused. */
const pageExample: StartChangeSetCommandInput = {
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

  beforeAll(async () => {
    emulator = await startMarketplaceEmulator({ limits: { ratesPerSecond: false, openChangeSetsPerAccount: 1_000 } });
  });

  afterAll(async () => {
    await emulator.close();
  });

  const client = () => marketplaceClientOf(emulator);

  // A fresh entity per request: accepted change sets lock theirs for the rest of the suite.
  let entities = 0;
  const start = (input: Partial<StartChangeSetCommandInput>) =>
    client().send(
      new StartChangeSetCommand({
        Catalog: 'AWSMarketplace',
        ChangeSet: [change(`prod-${++entities}`)],
        ...input,
      }),
    );

  const rejectionOf = failureOf<ValidationException>;

  const fieldsOf = (error: ValidationException) => error.ValidationExceptionFieldList?.map((field) => field.Field);

  describe('having the StartChangeSet page example', () => {
    describe('when called', () => {
      it('should refuse it with ValidationException 422 naming the second change, its type and its entity', async () => {
        const before = emulator.changeSets().length;

        const error = await rejectionOf(client().send(new StartChangeSetCommand(pageExample)));

        expect(error).toBeInstanceOf(ValidationException);
        expect(error.$metadata.httpStatusCode).toBe(422);
        expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(error.message).toContain('AddRevisions');
        expect(error.ValidationExceptionFieldList).toEqual([
          expect.objectContaining({
            Field: 'ChangeSet[1].ChangeType',
            Reason: 'Other',
            ChangeType: 'AddRevisions',
            EntityId: 'entity-id@1',
            EntityType: 'DataProduct@1.0',
          }),
        ]);
        expect(emulator.changeSets()).toHaveLength(before);
      });
    });
  });

  describe('having one request breaking several rules', () => {
    describe('when called', () => {
      it('should report every violation at once', async () => {
        const error = await rejectionOf(
          start({
            ChangeSetName: 'bad/name',
            ChangeSet: [change('prod-1', { ChangeType: 'lowercase' }), change('bad id')],
          }),
        );

        expect(fieldsOf(error)).toEqual(['ChangeSetName', 'ChangeSet[0].ChangeType', 'ChangeSet[1].Entity.Identifier']);
      });
    });
  });

  describe('having a request past one limit', () => {
    describe('when called', () => {
      const tags = (count: number) => Array.from({ length: count }, (_, n) => ({ Key: `k${n}`, Value: 'v' }));
      it.each<[string, Partial<StartChangeSetCommandInput>, string]>([
        ['21 changes', { ChangeSet: Array.from({ length: 21 }, (_, n) => change(`prod-${n}`)) }, 'ChangeSet'],
        ['no change', { ChangeSet: [] }, 'ChangeSet'],
        ['a Catalog with digits', { Catalog: 'AWS1' }, 'Catalog'],
        ['a Catalog of 65 letters', { Catalog: 'A'.repeat(65) }, 'Catalog'],
        ['an empty Catalog', { Catalog: '' }, 'Catalog'],
        [
          'a ChangeType of 256 characters',
          { ChangeSet: [change('p', { ChangeType: `A${'a'.repeat(255)}` })] },
          'ChangeSet[0].ChangeType',
        ],
        [
          'a lower-case ChangeType',
          { ChangeSet: [change('p', { ChangeType: 'updateInformation' })] },
          'ChangeSet[0].ChangeType',
        ],
        [
          'a ChangeType with a hyphen',
          { ChangeSet: [change('p', { ChangeType: 'Update-Information' })] },
          'ChangeSet[0].ChangeType',
        ],
        ['no Entity', { ChangeSet: [{ ChangeType: 'CreateProduct' } as Change] }, 'ChangeSet[0].Entity'],
        [
          'an Entity without Type',
          { ChangeSet: [change('p', { Entity: { Identifier: 'p' } as Change['Entity'] })] },
          'ChangeSet[0].Entity.Type',
        ],
        [
          'an Entity.Type of 256 characters',
          { ChangeSet: [change('p', { Entity: { Type: 'T'.repeat(256), Identifier: 'p' } })] },
          'ChangeSet[0].Entity.Type',
        ],
        [
          'an Entity.Identifier of 256 characters',
          { ChangeSet: [change('p'.repeat(256))] },
          'ChangeSet[0].Entity.Identifier',
        ],
        ['an Entity.Identifier with a slash', { ChangeSet: [change('prod/1')] }, 'ChangeSet[0].Entity.Identifier'],
        ['Details and DetailsDocument', { ChangeSet: [change('p', { Details: '{"a":1}' })] }, 'ChangeSet[0].Details'],
        [
          'Details that are not JSON',
          { ChangeSet: [change('p', { DetailsDocument: undefined, Details: '{nope' })] },
          'ChangeSet[0].Details',
        ],
        [
          'Details that are a JSON array',
          { ChangeSet: [change('p', { DetailsDocument: undefined, Details: '[1, 2]' })] },
          'ChangeSet[0].Details',
        ],
        [
          'Details of 1 character',
          { ChangeSet: [change('p', { DetailsDocument: undefined, Details: '1' })] },
          'ChangeSet[0].Details',
        ],
        [
          'Details of 16,385 characters',
          {
            ChangeSet: [
              change('p', { DetailsDocument: undefined, Details: JSON.stringify({ a: 'x'.repeat(16_377) }) }),
            ],
          },
          'ChangeSet[0].Details',
        ],
        [
          'a ChangeName of 73 characters',
          { ChangeSet: [change('p', { ChangeName: 'n'.repeat(73) })] },
          'ChangeSet[0].ChangeName',
        ],
        [
          'a ChangeName used twice',
          { ChangeSet: [change('p', { ChangeName: 'Same' }), change('q', { ChangeName: 'Same' })] },
          'ChangeSet[1].ChangeName',
        ],
        [
          'an identifier referencing an unknown ChangeName',
          { ChangeSet: [change('$Missing.Entity.Identifier')] },
          'ChangeSet[0].Entity.Identifier',
        ],
        [
          'an identifier referencing its own change',
          { ChangeSet: [change('$Me.Entity.Identifier', { ChangeName: 'Me' })] },
          'ChangeSet[0].Entity.Identifier',
        ],
        [
          'Details referencing an unknown ChangeName',
          { ChangeSet: [change('p', { DetailsDocument: { ProductId: '$Missing.Entity.Identifier' } })] },
          'ChangeSet[0].DetailsDocument',
        ],
        ['201 EntityTags', { ChangeSet: [change('p', { EntityTags: tags(201) })] }, 'ChangeSet[0].EntityTags'],
        [
          'a tag Key of 129 characters',
          { ChangeSetTags: [{ Key: 'k'.repeat(129), Value: 'v' }] },
          'ChangeSetTags[0].Key',
        ],
        [
          'a tag Value of 257 characters',
          { ChangeSetTags: [{ Key: 'k', Value: 'v'.repeat(257) }] },
          'ChangeSetTags[0].Value',
        ],
        ['no ChangeSetTags', { ChangeSetTags: [] }, 'ChangeSetTags'],
        ['a ChangeSetName with a slash', { ChangeSetName: 'a/b' }, 'ChangeSetName'],
        ['a ChangeSetName of 101 characters', { ChangeSetName: 'n'.repeat(101) }, 'ChangeSetName'],
        ['an empty ChangeSetName', { ChangeSetName: '' }, 'ChangeSetName'],
        ['a ClientRequestToken of 65 characters', { ClientRequestToken: 't'.repeat(65) }, 'ClientRequestToken'],
        ['a ClientRequestToken with a space', { ClientRequestToken: 'a b' }, 'ClientRequestToken'],
        ['a ClientRequestToken with a non-ASCII letter', { ClientRequestToken: 'jeton-é' }, 'ClientRequestToken'],
        ['an unknown Intent', { Intent: 'DRY_RUN' as StartChangeSetCommandInput['Intent'] }, 'Intent'],
      ])('should refuse %s with ValidationException naming the field', async (_, input, field) => {
        const error = await rejectionOf(start(input));

        expect(error).toBeInstanceOf(ValidationException);
        expect(error.$metadata.httpStatusCode).toBe(422);
        expect(fieldsOf(error)).toContain(field);
      });
    });
  });

  describe('having requests at the limits', () => {
    describe('when called', () => {
      it.each<[string, Partial<StartChangeSetCommandInput>]>([
        ['20 changes', { ChangeSet: Array.from({ length: 20 }, (_, n) => change(`edge-${n}`)) }],
        [
          'a DataProduct@1.0 entity type (not `^[a-zA-Z]+$`)',
          { ChangeSet: [change('edge-type', { Entity: { Type: 'DataProduct@1.0', Identifier: 'edge-type' } })] },
        ],
        [
          'a 36-character UUID token (the page pattern)',
          { ClientRequestToken: '0d6e2d5c-4b0e-4d5f-9a52-6a1c8d8f2b11' },
        ],
        ['a 64-character printable token (the current model)', { ClientRequestToken: `${'x'.repeat(60)}.:/!` }],
        ['a ChangeSetName of 100 allowed characters', { ChangeSetName: `Name +=.:@-_ ${'n'.repeat(87)}` }],
        [
          'a ChangeName of 72 characters without a pattern',
          { ChangeSet: [change('edge-name', { ChangeName: `Ch@nge ${'n'.repeat(65)}` })] },
        ],
        [
          'Details of 16,384 characters',
          {
            ChangeSet: [
              change('edge-details', {
                DetailsDocument: undefined,
                Details: JSON.stringify({ a: 'x'.repeat(16_376) }),
              }),
            ],
          },
        ],
        [
          'a change with neither Details nor DetailsDocument',
          { ChangeSet: [change('edge-none', { DetailsDocument: undefined })] },
        ],
        ['a tag with an empty Value', { ChangeSetTags: [{ Key: 'k', Value: '' }] }],
        [
          'two change types against one entity',
          { ChangeSet: [change('edge-two'), change('edge-two', { ChangeType: 'UpdateVisibility' })] },
        ],
      ])('should accept %s', async (_, input) => {
        const { ChangeSetId, ChangeSetArn } = await start(input);

        expect(ChangeSetId).toMatch(/^[a-z0-9]{25}$/);
        expect(ChangeSetArn).toBe(
          `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${ChangeSetId}`,
        );
      });
    });
  });

  describe('having another catalog', () => {
    describe('when called', () => {
      it('should answer ResourceNotFoundException 404', async () => {
        const error = await rejectionOf(start({ Catalog: 'AWSOtherCatalog' }));

        expect(error).toBeInstanceOf(ResourceNotFoundException);
        expect(error.$metadata.httpStatusCode).toBe(404);
        expect(error.message).toContain('AWSOtherCatalog');
      });
    });
  });
});
