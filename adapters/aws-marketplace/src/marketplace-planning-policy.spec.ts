import { planChangeSets } from '@changeplane/core';
import { describe, expect, it } from 'vitest';
import type { MarketplaceChange } from './marketplace-change-set-request.js';
import { marketplacePlanningPolicy } from './marketplace-planning-policy.js';

const update = (identifier: string, changeType = 'UpdateInformation'): MarketplaceChange => ({
  changeType,
  entity: { type: 'SaaSProduct@1.0', identifier },
  details: { ProductTitle: identifier },
});

describe('marketplacePlanningPolicy', () => {
  describe('having a change to an existing entity', () => {
    describe('when called', () => {
      it('should key it by Type/Identifier and change type, and link the names it references', () => {
        const change: MarketplaceChange = {
          changeType: 'UpdateInformation',
          entity: { type: 'SaaSProduct@1.0', identifier: 'prod-1' },
          details: { Offer: '$NewOffer.Entity.Identifier', Notes: ['$Other.Entity.Identifier', '$x.Arn'] },
          changeName: 'Mine',
        };
        expect(marketplacePlanningPolicy.orderKey(change)).toBe('SaaSProduct@1.0/prod-1');
        expect(marketplacePlanningPolicy.conflictKey(change)).toBe('UpdateInformation');
        expect(marketplacePlanningPolicy.groupKey?.(change)).toBe('Mine');
        expect(marketplacePlanningPolicy.groupLinks?.(change)).toEqual(['NewOffer', 'Other']);
      });
    });
  });

  describe('having a change that creates its entity', () => {
    it('should give it no order key', () => {
      expect(
        marketplacePlanningPolicy.orderKey({ changeType: 'CreateProduct', entity: { type: 'SaaSProduct@1.0' } }),
      ).toBe(undefined);
    });
  });

  describe('having 41 changes, one entity changed twice with one type', () => {
    describe('when planned', () => {
      it('should fill sets of 20, keep the entity in order and keep a reference group together', () => {
        const changes: MarketplaceChange[] = [
          update('prod-hot'),
          ...Array.from({ length: 37 }, (_, n) => update(`prod-${n}`)),
          update('prod-hot'),
          { changeType: 'CreateProduct', entity: { type: 'SaaSProduct@1.0' }, changeName: 'NewProduct' },
          {
            changeType: 'UpdateInformation',
            entity: { type: 'SaaSProduct@1.0', identifier: '$NewProduct.Entity.Identifier' },
            details: { ProductTitle: 'new' },
          },
        ];
        const plan = planChangeSets(changes, marketplacePlanningPolicy)._unsafeUnwrap();
        expect(plan.sets.map((set) => set.changeIndexes.length).sort()).toEqual([1, 20, 20].sort());
        const setOf = (index: number) => plan.sets.findIndex((set) => set.changeIndexes.includes(index));
        expect(setOf(0)).toBeLessThan(setOf(38));
        expect(setOf(39)).toBe(setOf(40));
        expect(plan.levels).toBe(2);
      });
    });
  });

  describe('having a reference to a name no change has', () => {
    it('should refuse the batch with the reference rule', () => {
      const error = planChangeSets(
        [{ ...update('prod-1'), details: { Ref: '$Missing.Entity.Identifier' } }],
        marketplacePlanningPolicy,
      )._unsafeUnwrapErr();
      expect(error.issues.map((issue) => issue.rule)).toEqual(['reference']);
      expect(error.provider).toBe('aws-marketplace');
    });
  });
});
