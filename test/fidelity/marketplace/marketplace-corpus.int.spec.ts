import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsMarketplaceProvider, parseStartChangeSetInput } from '@changeplane/aws-marketplace';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStartChangeSetInput } from '../../../adapters/aws-marketplace/src/_internals/to-start-change-set-input.js';

const corpus = join(import.meta.dirname, 'corpus');
const payloads = readdirSync(corpus)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(join(corpus, file), 'utf8')) as Record<string, unknown>] as const);

/**
 * The existing entities the payloads change (literal identifiers, not `$Name.Entity.Identifier`): the catalog
 * fails a change on an entity it does not have, so the emulator is seeded with them, as a real account has them.
 */
const referencedEntities = payloads.flatMap(([, payload]) =>
  (payload.ChangeSet as { Entity: { Type: string; Identifier?: string } }[])
    .filter(({ Entity }) => Entity.Identifier !== undefined && !Entity.Identifier.startsWith('$'))
    .map(({ Entity }) => ({ type: Entity.Type, identifier: Entity.Identifier as string })),
);

describe('the Marketplace fidelity corpus (realistic StartChangeSet payloads)', () => {
  let emulator: RunningMarketplaceEmulator;
  let provider: AwsMarketplaceProvider;
  beforeAll(async () => {
    emulator = await startMarketplaceEmulator({
      timing: { preparingMs: 20, applyingMs: 20 },
      limits: { ratesPerSecond: false },
      seed: { entities: referencedEntities },
    });
    provider = AwsMarketplaceProvider.fromOptions({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      watchIntervalMs: 20,
    });
  });
  afterAll(async () => {
    provider.dispose();
    await emulator.close();
  });

  it('should cover CreateProduct, AddDimensions arrays, UpdateInformation, CreateOffer, UpdatePricingTerms and references', () => {
    const text = JSON.stringify(payloads);
    for (const needed of [
      '"CreateProduct"',
      '"AddDimensions"',
      '"UpdateInformation"',
      '"CreateOffer"',
      '"UpdatePricingTerms"',
      '.Entity.Identifier',
      '"Details"',
    ]) {
      expect(text).toContain(needed);
    }
    expect(payloads.length).toBeGreaterThanOrEqual(8);
  });

  it.each(payloads)('should send %s unchanged and end SUCCEEDED on the emulator', async (_, payload) => {
    const request = parseStartChangeSetInput(payload)._unsafeUnwrap();
    // What the adapter would send is the payload itself (ClientRequestToken and Intent are added by start).
    expect(toStartChangeSetInput(request)).toEqual(payload);

    const handle = (await provider.create(request, { validateOnServer: true }))._unsafeUnwrap();
    const started = (await provider.start(handle))._unsafeUnwrap();
    const settled = (
      await provider.waitUntilSettled(started, { minDelayMs: 10, maxDelayMs: 50, maxWaitMs: 10_000 })
    )._unsafeUnwrap();
    expect(settled.status).toBe('succeeded');

    const recorded = emulator.changeSets().find((changeSet) => changeSet.changeSetId === started.changeSetId);
    expect(recorded?.status).toBe('SUCCEEDED');
    // Every change targets a resolved entity: references became the identifiers of the entities created.
    expect(recorded?.entityIds.some((id) => id.startsWith('$'))).toBe(false);
  });
});
