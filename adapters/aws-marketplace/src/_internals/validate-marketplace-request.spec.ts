import { describe, expect, it } from 'vitest';
import type { MarketplaceChange } from '../marketplace-change-set-request.js';
import { validateMarketplaceRequest } from './validate-marketplace-request.js';

const change = (identifier: string, changeType = 'UpdateInformation'): MarketplaceChange => ({
  changeType,
  entity: { type: 'SaaSProduct@1.0', identifier },
  details: { ProductTitle: identifier },
});

const rules = (changes: MarketplaceChange[], extra: object = {}) =>
  validateMarketplaceRequest({ changes, ...extra }).match(
    () => [],
    (error) => error.issues.map((issue) => `${issue.path} ${issue.rule}`),
  );

describe(validateMarketplaceRequest, () => {
  describe('having the StartChangeSet page example', () => {
    it('should refuse AddRevisions twice on entity-id@1, naming both indexes', () => {
      const addRevisions = (arns: string[]): MarketplaceChange => ({
        changeType: 'AddRevisions',
        entity: { type: 'DataProduct@1.0', identifier: 'entity-id@1' },
        details: JSON.stringify({ DataSetArn: 'data-set-arn', RevisionArns: arns }),
      });
      const error = validateMarketplaceRequest({
        changeSetName: 'Adding revisions to my test Data Product',
        changes: [addRevisions(['revision-arn', 'revision-arn-2']), addRevisions(['revision-arn3'])],
      })._unsafeUnwrapErr();
      expect(error.issues).toEqual([
        expect.objectContaining({
          path: 'changes[1].changeType',
          rule: 'oneChangeTypePerEntity',
          message: expect.stringContaining('changes[0]'),
        }),
      ]);
    });
  });

  describe('having requests that break rules', () => {
    it.each([
      ['21 changes', Array.from({ length: 21 }, (_, n) => change(`p${n}`)), {}, 'changes maxItems'],
      ['no changes', [], {}, 'changes minItems'],
      ['a lower-case change type', [change('p', 'updateInformation')], {}, 'changes[0].changeType pattern'],
      ['an identifier with a slash', [change('p/1')], {}, 'changes[0].entity.identifier pattern'],
      [
        'an empty entity type',
        [{ ...change('p'), entity: { type: '', identifier: 'p' } }],
        {},
        'changes[0].entity.type length',
      ],
      ['details that are not JSON', [{ ...change('p'), details: '{nope' }], {}, 'changes[0].details pattern'],
      ['details braced but not JSON', [{ ...change('p'), details: '{"a": 1,}' }], {}, 'changes[0].details jsonObject'],
      ['details that are a JSON array text', [{ ...change('p'), details: '[1, 2]' }], {}, 'changes[0].details pattern'],
      ['details of one character', [{ ...change('p'), details: '{' }], {}, 'changes[0].details length'],
      [
        'an unknown reference',
        [{ ...change('p'), details: { ProductId: '$Nope.Entity.Identifier' } }],
        {},
        'changes[0].details reference',
      ],
      ['a catalog with digits', [change('p')], { catalog: 'AWS1' }, 'catalog pattern'],
      ['a name with a slash', [change('p')], { changeSetName: 'a/b' }, 'changeSetName pattern'],
      ['a name of 101 characters', [change('p')], { changeSetName: 'n'.repeat(101) }, 'changeSetName length'],
      ['a token of 65 characters', [change('p')], { clientToken: 't'.repeat(65) }, 'clientToken length'],
      ['a token with a space', [change('p')], { clientToken: 'a b' }, 'clientToken pattern'],
      [
        'a change name of 73 characters',
        [{ ...change('p'), changeName: 'c'.repeat(73) }],
        {},
        'changes[0].changeName length',
      ],
      [
        '201 tags',
        [change('p')],
        { changeSetTags: Array.from({ length: 201 }, (_, n) => ({ key: `k${n}`, value: 'v' })) },
        'changeSetTags maxItems',
      ],
      [
        'a tag key of 129 characters',
        [change('p')],
        { changeSetTags: [{ key: 'k'.repeat(129), value: '' }] },
        'changeSetTags[0].key length',
      ],
    ] as const)('should refuse %s', (_, changes, extra, expected) => {
      expect(rules([...changes], extra)).toContain(expected);
    });

    it('should follow references to find the entity, as the service does', () => {
      const created = { changeType: 'CreateProduct', entity: { type: 'SaaSProduct@1.0' }, changeName: 'P' };
      const onRef = (changeType: string, name?: string): MarketplaceChange => ({
        changeType,
        entity: { type: 'SaaSProduct@1.0', identifier: '$P.Entity.Identifier' },
        ...(name ? { changeName: name } : {}),
      });
      expect(rules([created, onRef('UpdateInformation'), onRef('AddDimensions')])).toEqual([]);
      expect(rules([created, onRef('UpdateInformation'), onRef('UpdateInformation')])).toEqual([
        'changes[2].changeType oneChangeTypePerEntity',
      ]);
      const existing = { ...change('prod-1', 'UpdateInformation'), changeName: 'E' };
      const viaName = { ...change('$E.Entity.Identifier', 'UpdateInformation') };
      expect(rules([existing, viaName])).toEqual(['changes[1].changeType oneChangeTypePerEntity']);
      expect(rules([{ ...change('$S.Entity.Identifier'), changeName: 'S' }])).toEqual([
        'changes[0].entity.identifier reference',
      ]);
    });

    it('should report every problem at once', () => {
      const found = rules([change('a b', 'lower'), { ...change('p'), details: '{x' }], {
        catalog: '1',
        changeSetName: '/',
      });
      expect(found).toEqual(
        expect.arrayContaining([
          'catalog pattern',
          'changeSetName pattern',
          'changes[0].changeType pattern',
          'changes[0].entity.identifier pattern',
          'changes[1].details pattern',
        ]),
      );
    });
  });

  describe('having valid requests', () => {
    it('should accept 20 changes, different types on one entity, references and a 64-character token', () => {
      const changes: MarketplaceChange[] = [
        { changeType: 'CreateProduct', changeName: 'NewProduct', entity: { type: 'SaaSProduct@1.0' } },
        {
          changeType: 'UpdateInformation',
          entity: { type: 'SaaSProduct@1.0', identifier: '$NewProduct.Entity.Identifier' },
          details: { ProductTitle: 'x' },
        },
        {
          changeType: 'CreateOffer',
          entity: { type: 'Offer@1.0' },
          details: { ProductId: '$NewProduct.Entity.Identifier' },
        },
        change('p', 'UpdateInformation'),
        change('p', 'UpdateTargeting'),
        ...Array.from({ length: 15 }, (_, n) => change(`q${n}`)),
      ];
      expect(validateMarketplaceRequest({ changes, clientToken: `${'x'.repeat(60)}.:/!` }).isOk()).toBe(true);
    });
  });
});
