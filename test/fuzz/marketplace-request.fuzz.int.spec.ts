import { MarketplaceCatalogClient, StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import { AwsMarketplaceProvider } from '@changeplane/aws-marketplace';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketplaceRequestSchema } from '../../adapters/aws-marketplace/src/_internals/marketplace-request-schema.js';
import { hostileValue, mutated } from './hostile-arbitraries.js';
import { isWellTypedMarketplaceRequest } from './well-typed-marketplace-request.js';

const runs = 10_000;
const word = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const tagText = fc.stringMatching(/^[A-Za-z0-9 _.:/=+@-]{0,12}$/);
const tag = fc.record({ key: word, value: tagText });
const jsonObject = fc.dictionary(word, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
const details = fc.oneof(
  jsonObject,
  fc.array(jsonObject, { maxLength: 3 }),
  jsonObject.map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 2 }),
);
const change = fc.record(
  {
    changeType: fc.constantFrom('UpdateInformation', 'AddDimensions', 'UpdatePricingTerms', 'ReleaseOffer', 'Create'),
    entity: fc.record(
      { type: fc.constantFrom('SaaSProduct@1.0', 'Offer@1.0', 'DataProduct@1.0'), identifier: word },
      { requiredKeys: ['type'] },
    ),
    details,
    entityTags: fc.array(tag, { minLength: 1, maxLength: 3 }),
    changeName: word,
  },
  { requiredKeys: ['changeType', 'entity'] },
);
const changeMembers = ['changeType', 'entity', 'details', 'entityTags', 'changeName'];
const request = fc.record(
  {
    catalog: fc.constantFrom('AWSMarketplace'),
    changes: fc.array(
      fc.oneof({ weight: 6, arbitrary: change }, { weight: 1, arbitrary: mutated(change, changeMembers) }),
      { minLength: 1, maxLength: 4 },
    ),
    changeSetName: fc.stringMatching(/^[A-Za-z0-9 _+=.:@-]{1,20}$/),
    changeSetTags: fc.array(tag, { minLength: 1, maxLength: 3 }),
    clientToken: fc.uuid(),
  },
  { requiredKeys: ['changes'] },
);
const anyRequest = mutated(request, ['catalog', 'changes', 'changeSetName', 'changeSetTags', 'clientToken']);

describe('Marketplace requests, generated (fast-check)', () => {
  let emulator: RunningMarketplaceEmulator;
  let client: MarketplaceCatalogClient;
  let provider: AwsMarketplaceProvider;
  beforeAll(async () => {
    emulator = await startMarketplaceEmulator({ unknownEntities: 'create', limits: { ratesPerSecond: false } });
    const options = { region: emulator.region, endpoint: emulator.endpoint, credentials: emulator.credentials };
    provider = AwsMarketplaceProvider.fromOptions({ ...options, retry: { maxAttempts: 1 } });
    client = new MarketplaceCatalogClient({ ...options, maxAttempts: 1 });
  });
  afterAll(async () => {
    provider.dispose();
    client.destroy();
    await emulator.close();
  });

  it(`should never throw, accept only well-typed requests, send none of the refused ones, over ${runs} requests`, async () => {
    const tally = { generated: 0, accepted: 0, refused: 0, throws: 0, wronglyAccepted: 0, serverRefused: 0 };
    await fc.assert(
      fc.asyncProperty(anyRequest, async (input) => {
        tally.generated += 1;
        const sentBefore = emulator.requestCount();
        let created: Awaited<ReturnType<AwsMarketplaceProvider['create']>>;
        try {
          created = await provider.create(input as never);
        } catch (error) {
          tally.throws += 1;
          throw error;
        }
        const checked = provider.validate(input);
        expect(checked.isOk()).toBe(created.isOk());
        if (created.isErr()) {
          tally.refused += 1;
          expect(created.error.kind).toBe('validation');
          const issues = created.error.kind === 'validation' ? created.error.issues : [];
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) expect(issue.path && issue.rule && issue.message).toBeTruthy();
          expect(emulator.requestCount()).toBe(sentBefore);
          return;
        }
        tally.accepted += 1;
        // Accepted: well-typed per the schema and per an independent type predicate, and the emulator (its own
        // reading of the model) accepts the exact payload the adapter would send.
        const wellTyped = marketplaceRequestSchema.safeParse(checked._unsafeUnwrap()).success;
        if (!wellTyped || !isWellTypedMarketplaceRequest(input)) tally.wronglyAccepted += 1;
        expect(wellTyped).toBe(true);
        expect(isWellTypedMarketplaceRequest(input)).toBe(true);
        const payload = created.value.payload as never as object;
        try {
          await client.send(new StartChangeSetCommand({ ...payload, Intent: 'VALIDATE' } as never));
        } catch (error) {
          // A well-formed catalog other than AWSMarketplace is ResourceNotFoundException: not a disagreement.
          if ((error as Error).name === 'ValidationException') {
            tally.serverRefused += 1;
            throw error;
          }
          expect((error as Error).name).toBe('ResourceNotFoundException');
        }
        expect(emulator.requestCount()).toBe(sentBefore + 1);
      }),
      { numRuns: runs, seed: 9, endOnFailure: true },
    );
    console.info('marketplace fuzz', JSON.stringify(tally));
    expect(tally).toMatchObject({ generated: runs, throws: 0, wronglyAccepted: 0, serverRefused: 0 });
    expect(tally.accepted).toBeGreaterThan(runs / 10);
    expect(tally.refused).toBeGreaterThan(runs / 4);
  }, 180_000); // 10,000 requests over HTTP: well under a minute, but a loaded 2-core machine needs the margin

  it.each([
    ['null', null],
    ['changeSetName null', { changes: [], changeSetName: null }],
    ['changes [null]', { changes: [null] }],
    ["changeSetTags 'team'", { changes: [], changeSetTags: 'team' }],
    ["changeType ['UpdateInformation']", { changes: [{ changeType: ['UpdateInformation'], entity: { type: 'T' } }] }],
    ['clientToken 17', { changes: [{ changeType: 'A', entity: { type: 'T' } }], clientToken: 17 }],
    ['details {n: 1n}', { changes: [{ changeType: 'A', entity: { type: 'T' }, details: { n: 1n } }] }],
    [
      'an entity tag without a value',
      { changes: [{ changeType: 'A', entity: { type: 'T' }, entityTags: [{ key: 'k' }] }] },
    ],
    ['details null', { changes: [{ changeType: 'A', entity: { type: 'T' }, details: null }] }],
  ])('should refuse %s with a validation error and send nothing', async (_, input) => {
    const before = emulator.requestCount();
    const created = await provider.create(input as never, { validateOnServer: true });
    expect(created._unsafeUnwrapErr().kind).toBe('validation');
    expect(emulator.requestCount()).toBe(before);
  });

  it('should refuse every hostile value as a whole request, without throwing', () => {
    fc.assert(
      fc.property(hostileValue, (input) => {
        expect(provider.validate(input).isErr()).toBe(true);
      }),
      { numRuns: 500, seed: 9 },
    );
  });
});
