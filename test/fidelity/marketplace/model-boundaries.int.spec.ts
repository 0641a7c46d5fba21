import {
  MarketplaceCatalogClient,
  StartChangeSetCommand,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import { parseStartChangeSetInput } from '@changeplane/aws-marketplace';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every StartChangeSet input constraint of the service model, at its boundary: the value just inside is
// accepted and the value just outside refused, by the adapter (its model table) and by the emulator (its
// own reading), each naming the field. Lengths are in code points: '𝒜' (U+1D49C, a letter) is 2 UTF-16 units.

type Payload = Record<string, unknown>;
const astral = '𝒜';
const change = (patch: Payload = {}, entity: Payload = {}): Payload => ({
  ChangeType: 'UpdateInformation',
  Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-1', ...entity },
  DetailsDocument: { ProductTitle: 'Title' },
  ...patch,
});
const payload = (patch: Payload = {}, changePatch: Payload = {}, entity: Payload = {}): Payload => ({
  Catalog: 'AWSMarketplace',
  ChangeSet: [change(changePatch, entity)],
  ...patch,
});
const details = (length: number, filler = 'x') => `{"a":"${filler.repeat(length - 8)}"}`;
const tags = (count: number) => Array.from({ length: count }, (_, n) => ({ Key: `k${n}`, Value: 'v' }));
const withoutDetails = (patch: Payload) => {
  const { DetailsDocument: _, ...rest } = change(patch);
  return { Catalog: 'AWSMarketplace', ChangeSet: [rest] };
};

/** [case, payload, the wire field refused (undefined: accepted)] */
const cases: readonly (readonly [string, Payload, string | undefined])[] = [
  ['Catalog AWSMarketplace', payload(), undefined],
  ['Catalog empty', payload({ Catalog: '' }), 'Catalog'],
  ['Catalog of 65 letters', payload({ Catalog: 'A'.repeat(65) }), 'Catalog'],
  ['Catalog with a digit', payload({ Catalog: 'AWS1' }), 'Catalog'],
  [
    '20 changes',
    payload({ ChangeSet: Array.from({ length: 20 }, (_, n) => change({}, { Identifier: `p${n}` })) }),
    undefined,
  ],
  [
    '21 changes',
    payload({ ChangeSet: Array.from({ length: 21 }, (_, n) => change({}, { Identifier: `p${n}` })) }),
    'ChangeSet',
  ],
  ['no change', payload({ ChangeSet: [] }), 'ChangeSet'],
  ['ChangeType of 255', payload({}, { ChangeType: `A${'a'.repeat(254)}` }), undefined],
  ['ChangeType of 256', payload({}, { ChangeType: `A${'a'.repeat(255)}` }), 'ChangeSet[0].ChangeType'],
  ['ChangeType in lower case', payload({}, { ChangeType: 'updateInformation' }), 'ChangeSet[0].ChangeType'],
  ['Entity.Type of 255', payload({}, {}, { Type: 't'.repeat(255) }), undefined],
  ['Entity.Type of 256', payload({}, {}, { Type: 't'.repeat(256) }), 'ChangeSet[0].Entity.Type'],
  ['Entity.Type empty', payload({}, {}, { Type: '' }), 'ChangeSet[0].Entity.Type'],
  ['Entity.Identifier of 255', payload({}, {}, { Identifier: 'i'.repeat(255) }), undefined],
  ['Entity.Identifier of 256', payload({}, {}, { Identifier: 'i'.repeat(256) }), 'ChangeSet[0].Entity.Identifier'],
  ['Entity.Identifier empty', payload({}, {}, { Identifier: '' }), 'ChangeSet[0].Entity.Identifier'],
  ['Entity.Identifier with _-@', payload({}, {}, { Identifier: 'entity-id_1@1' }), undefined],
  ['Entity.Identifier with a slash', payload({}, {}, { Identifier: 'a/b' }), 'ChangeSet[0].Entity.Identifier'],
  ['Details of 2', withoutDetails({ Details: '{}' }), undefined],
  ['Details of 1', withoutDetails({ Details: '{' }), 'ChangeSet[0].Details'],
  ['Details of 16,384', withoutDetails({ Details: details(16_384) }), undefined],
  ['Details of 16,385', withoutDetails({ Details: details(16_385) }), 'ChangeSet[0].Details'],
  [
    'Details of 16,384 code points (32,760 UTF-16 units)',
    withoutDetails({ Details: details(16_384, astral) }),
    undefined,
  ],
  ['Details of 16,385 code points', withoutDetails({ Details: details(16_385, astral) }), 'ChangeSet[0].Details'],
  ['Details holding an array', withoutDetails({ Details: '[{"a": 1}]' }), 'ChangeSet[0].Details'],
  ['Details braced but not JSON', withoutDetails({ Details: '{"a": 1,}' }), 'ChangeSet[0].Details'],
  ['DetailsDocument an array', payload({}, { DetailsDocument: [{ Key: 'Seats', Types: ['Entitled'] }] }), undefined],
  ['DetailsDocument an empty object', payload({}, { DetailsDocument: {} }), undefined],
  ['Details and DetailsDocument', payload({}, { Details: '{}' }), 'ChangeSet[0].Details'],
  ['ChangeName of 72', payload({}, { ChangeName: 'n'.repeat(72) }), undefined],
  ['ChangeName of 73', payload({}, { ChangeName: 'n'.repeat(73) }), 'ChangeSet[0].ChangeName'],
  ['ChangeName of 72 code points', payload({}, { ChangeName: astral.repeat(72) }), undefined],
  ['ChangeName of 73 code points', payload({}, { ChangeName: astral.repeat(73) }), 'ChangeSet[0].ChangeName'],
  ['ChangeSetName of 100', payload({ ChangeSetName: 'n'.repeat(100) }), undefined],
  ['ChangeSetName of 101', payload({ ChangeSetName: 'n'.repeat(101) }), 'ChangeSetName'],
  ['ChangeSetName with _+=.:@- and spaces', payload({ ChangeSetName: 'a_b+c=d.e:f@g-h i' }), undefined],
  ['ChangeSetName with a slash', payload({ ChangeSetName: 'a/b' }), 'ChangeSetName'],
  ['ClientRequestToken of 64', payload({ ClientRequestToken: 't'.repeat(64) }), undefined],
  ['ClientRequestToken of 65', payload({ ClientRequestToken: 't'.repeat(65) }), 'ClientRequestToken'],
  ['ClientRequestToken of printable ASCII', payload({ ClientRequestToken: 'a.b:c!~' }), undefined],
  ['ClientRequestToken with a space', payload({ ClientRequestToken: 'a b' }), 'ClientRequestToken'],
  ['200 ChangeSetTags', payload({ ChangeSetTags: tags(200) }), undefined],
  ['201 ChangeSetTags', payload({ ChangeSetTags: tags(201) }), 'ChangeSetTags'],
  ['no ChangeSetTags', payload({ ChangeSetTags: [] }), 'ChangeSetTags'],
  ['tag Key of 128', payload({ ChangeSetTags: [{ Key: 'k'.repeat(128), Value: 'v' }] }), undefined],
  ['tag Key of 129', payload({ ChangeSetTags: [{ Key: 'k'.repeat(129), Value: 'v' }] }), 'ChangeSetTags[0].Key'],
  ['tag Key of 128 code points', payload({ ChangeSetTags: [{ Key: astral.repeat(128), Value: 'v' }] }), undefined],
  [
    'tag Key of 129 code points',
    payload({ ChangeSetTags: [{ Key: astral.repeat(129), Value: 'v' }] }),
    'ChangeSetTags[0].Key',
  ],
  ['tag Key empty', payload({ ChangeSetTags: [{ Key: '', Value: 'v' }] }), 'ChangeSetTags[0].Key'],
  [
    'tag Key of letters, digits, spaces and _.:/=+-@',
    payload({ ChangeSetTags: [{ Key: 'Équipe 1_.:/=+-@', Value: 'v' }] }),
    undefined,
  ],
  ['tag Key with #', payload({ ChangeSetTags: [{ Key: 'a#b', Value: 'v' }] }), 'ChangeSetTags[0].Key'],
  ['tag Value of 256', payload({ ChangeSetTags: [{ Key: 'k', Value: 'v'.repeat(256) }] }), undefined],
  ['tag Value of 257', payload({ ChangeSetTags: [{ Key: 'k', Value: 'v'.repeat(257) }] }), 'ChangeSetTags[0].Value'],
  ['tag Value of 256 code points', payload({ ChangeSetTags: [{ Key: 'k', Value: astral.repeat(256) }] }), undefined],
  ['tag Value empty', payload({ ChangeSetTags: [{ Key: 'k', Value: '' }] }), undefined],
  ['tag Value with !', payload({ ChangeSetTags: [{ Key: 'k', Value: 'a!' }] }), 'ChangeSetTags[0].Value'],
  ['tag without Value', payload({ ChangeSetTags: [{ Key: 'k' }] }), 'ChangeSetTags[0].Value'],
  ['200 EntityTags', payload({}, { EntityTags: tags(200) }), undefined],
  ['201 EntityTags', payload({}, { EntityTags: tags(201) }), 'ChangeSet[0].EntityTags'],
  ['EntityTags Key with *', payload({}, { EntityTags: [{ Key: 'a*', Value: 'v' }] }), 'ChangeSet[0].EntityTags[0].Key'],
  ['EntityTags entry without Value', payload({}, { EntityTags: [{ Key: 'k' }] }), 'ChangeSet[0].EntityTags[0].Value'],
  [
    'two change types on one created entity',
    payload({
      ChangeSet: [
        { ChangeType: 'CreateProduct', ChangeName: 'P', Entity: { Type: 'SaaSProduct@1.0' }, DetailsDocument: {} },
        change({}, { Identifier: '$P.Entity.Identifier' }),
        change({ ChangeType: 'AddDimensions', DetailsDocument: [] }, { Identifier: '$P.Entity.Identifier' }),
      ],
    }),
    undefined,
  ],
  [
    'one change type twice on one created entity',
    payload({
      ChangeSet: [
        { ChangeType: 'CreateProduct', ChangeName: 'P', Entity: { Type: 'SaaSProduct@1.0' }, DetailsDocument: {} },
        change({}, { Identifier: '$P.Entity.Identifier' }),
        change({}, { Identifier: '$P.Entity.Identifier' }),
      ],
    }),
    'ChangeSet[2].ChangeType',
  ],
  [
    'a change referring to itself',
    payload({}, { ChangeName: 'S' }, { Identifier: '$S.Entity.Identifier' }),
    'ChangeSet[0].Entity.Identifier',
  ],
  [
    'a reference to no change',
    payload({}, {}, { Identifier: '$Nope.Entity.Identifier' }),
    'ChangeSet[0].Entity.Identifier',
  ],
];

const camel: Record<string, string> = {
  Catalog: 'catalog',
  ChangeSet: 'changes',
  ChangeType: 'changeType',
  Entity: 'entity',
  Type: 'type',
  Identifier: 'identifier',
  Details: 'details',
  ChangeName: 'changeName',
  ChangeSetName: 'changeSetName',
  ClientRequestToken: 'clientToken',
  ChangeSetTags: 'changeSetTags',
  EntityTags: 'entityTags',
  Key: 'key',
  Value: 'value',
};
/** `ChangeSet[0].EntityTags[0].Value` -> `changes[0].entityTags[0].value` */
const adapterPath = (field: string) => field.replace(/[A-Za-z]+/g, (name) => camel[name] ?? name);

describe('StartChangeSet model constraints at their boundaries, adapter and emulator alike', () => {
  let emulator: RunningMarketplaceEmulator;
  let client: MarketplaceCatalogClient;
  beforeAll(async () => {
    emulator = await startMarketplaceEmulator({ unknownEntities: 'create', limits: { ratesPerSecond: false } });
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

  it.each(cases)('%s', async (_, input, refusedField) => {
    const adapter = parseStartChangeSetInput(input);
    const emulatorFields = await client.send(new StartChangeSetCommand({ ...input, Intent: 'VALIDATE' } as never)).then(
      () => undefined,
      (error: unknown) => {
        expect(error).toBeInstanceOf(ValidationException);
        return ((error as ValidationException).ValidationExceptionFieldList ?? []).map((field) => field.Field);
      },
    );
    if (refusedField === undefined) {
      expect(adapter.isOk()).toBe(true);
      expect(emulatorFields).toBeUndefined();
    } else {
      expect(adapter._unsafeUnwrapErr().issues.map((issue) => issue.path)).toContain(adapterPath(refusedField));
      expect(emulatorFields).toContain(refusedField);
    }
  });
});
