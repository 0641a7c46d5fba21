import { DescribeEntityCommand, MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import { describe, expect, it } from 'vitest';
import { byType, expectFinished, runPlan, writePlan } from './cli-files.js';
import { runChangeplane, withEmulatorsProcess } from './run-changeplane.js';

// `changeplane emulators --seed <file>`: each emulator starts with its section of the file (README of
// @changeplane/emulator, "Seed file and control API").

const seedFile = `marketplace:
  entities:
    - type: SaaSProduct@1.0
      identifier: prod-seeded@2
      name: Seeded
      tags: { team: billing }
`;

describe('changeplane emulators --seed', () => {
  it('should start the Marketplace emulator with the seeded entities only, as the service has them', async () => {
    const seed = writePlan(seedFile, 'seed.yaml');
    await withEmulatorsProcess(
      'fast',
      async (environment) => {
        const client = new MarketplaceCatalogClient({
          region: 'us-east-1',
          endpoint: environment.CHANGEPLANE_MARKETPLACE_ENDPOINT,
          credentials: {
            accessKeyId: environment.AWS_ACCESS_KEY_ID as string,
            secretAccessKey: environment.AWS_SECRET_ACCESS_KEY as string,
          },
        });
        const described = await client.send(
          new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId: 'prod-seeded' }),
        );
        // A plan on an entity the seed does not have fails as it would in production.
        const plan = writePlan(
          'version: 1\nmarketplace:\n  changes:\n    - changeType: UpdateInformation\n      entity: {type: SaaSProduct@1.0, identifier: prod-unseeded}\n      details: {ProductTitle: x}\n',
        );
        const applied = await runPlan(plan, { emulators: false }, environment);

        expect(described.EntityIdentifier).toBe('prod-seeded@2');
        expect(expectFinished(applied, 1).summary.map((row) => row.status)).toEqual(['failed']);
        expect(JSON.stringify(byType(applied.events, 'task-status'))).toContain('ENTITY_NOT_FOUND');
      },
      ['--seed', seed],
    );
  }, 60_000);

  it('should refuse a seed the emulator cannot use with exit 2, naming each issue by its path in the file', async () => {
    const wrong = writePlan('marketplace:\n  entities:\n    - identifier: prod-x\nnot-a-provider: {}\n', 'seed.yaml');
    const missing = writePlan('marketplace:\n  entities:\n    - identifier: prod-x\n', 'seed.yaml');

    const unknownSection = await runChangeplane(['emulators', '--seed', wrong]);
    const refused = await runChangeplane(['emulators', '--seed', missing]);

    expect(unknownSection.code).toBe(2);
    expect(unknownSection.stderr).toContain('not-a-provider: not a provider section');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('marketplace.entities[0].type');
  }, 60_000);
});
