import {
  MarketplaceCatalogClient,
  StartChangeSetCommand,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarketplaceEmulator } from './marketplace-emulator.js';
import type { RunningMarketplaceEmulator } from './running-marketplace-emulator.js';

// The SDK checks no types client-side: whatever a JavaScript caller passes is serialized and sent. The
// emulator refuses every member of the wrong type with a ValidationException naming it, as the service does.
const valid = { ChangeType: 'UpdateInformation', Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-1' } };

describe('StartChangeSet members of the wrong type', () => {
  let emulator: RunningMarketplaceEmulator;
  let client: MarketplaceCatalogClient;
  beforeAll(async () => {
    emulator = await startMarketplaceEmulator({ limits: { ratesPerSecond: false } });
    client = new MarketplaceCatalogClient({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it.each([
    ['ChangeType a list', { ChangeSet: [{ ...valid, ChangeType: ['UpdateInformation'] }] }, 'ChangeSet[0].ChangeType'],
    ['ClientRequestToken a number', { ChangeSet: [valid], ClientRequestToken: 17 }, 'ClientRequestToken'],
    ['ChangeSetName a number', { ChangeSet: [valid], ChangeSetName: 5 }, 'ChangeSetName'],
    ['ChangeSetTags a string', { ChangeSet: [valid], ChangeSetTags: 'team' }, 'ChangeSetTags'],
    ['a tag that is a string', { ChangeSet: [valid], ChangeSetTags: ['team'] }, 'ChangeSetTags[0]'],
    [
      'a tag Value that is a number',
      { ChangeSet: [valid], ChangeSetTags: [{ Key: 'k', Value: 1 }] },
      'ChangeSetTags[0].Value',
    ],
    ['Details an object', { ChangeSet: [{ ...valid, Details: { a: 1 } }] }, 'ChangeSet[0].Details'],
    [
      'Entity.Identifier a number',
      { ChangeSet: [{ ...valid, Entity: { Type: 'T', Identifier: 1 } }] },
      'ChangeSet[0].Entity.Identifier',
    ],
    ['a change that is a string', { ChangeSet: ['UpdateInformation'] }, 'ChangeSet[0]'],
  ])('should refuse %s', async (_, input, field) => {
    const error = await client.send(new StartChangeSetCommand({ Catalog: 'AWSMarketplace', ...input } as never)).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as ValidationException).ValidationExceptionFieldList?.map((entry) => entry.Field)).toContain(field);
  });
});
