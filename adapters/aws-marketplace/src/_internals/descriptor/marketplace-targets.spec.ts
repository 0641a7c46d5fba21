import { describe, expect, it } from 'vitest';
import { marketplacePlanSectionSchema } from '../../descriptor/marketplace-plan-section.js';
import { marketplacePlanPath, marketplaceTargets } from './marketplace-targets.js';

const context = { runId: 'abcd1234', planName: 'release', options: {} };
const change = (
  identifier: string,
  changeType = 'UpdateInformation',
  details: unknown = { ProductTitle: identifier },
) => ({
  changeType,
  entity: { type: 'SaaSProduct@1.0', identifier },
  details,
});

describe(marketplacePlanPath, () => {
  it('should map a change of a set back to its index in the plan', () => {
    expect(marketplacePlanPath('changes[1].details', [4, 7])).toBe('changes[7].details');
    expect(marketplacePlanPath('changeSetName', [4, 7])).toBe('changeSetName');
  });
});

describe(marketplaceTargets, () => {
  describe('having one change type twice on one entity', () => {
    it('should pack them into two sets that share the entity, so they run in order', () => {
      const section = marketplacePlanSectionSchema.parse({
        changes: [change('prod-1'), change('prod-1', 'UpdateInformation', { ProductTitle: 'again' }), change('prod-2')],
      });
      const plan = marketplaceTargets(section, context)._unsafeUnwrap();
      expect(plan.targets.length).toBe(2);
      expect(plan.targets[0]!.conflictKeys).toEqual(expect.arrayContaining(['SaaSProduct@1.0/prod-1']));
      expect(plan.targets[1]!.conflictKeys).toEqual(expect.arrayContaining(['SaaSProduct@1.0/prod-1']));
      expect(plan.targets.map((target) => target.request.changeSetName)).toEqual(['release 1 of 2', 'release 2 of 2']);
      expect(plan).toMatchObject({ concurrency: 10, startsPerSecond: 5 });
    });
  });

  describe('having a change that breaks the adapter rules', () => {
    it('should name the change by its index in the plan', () => {
      const section = marketplacePlanSectionSchema.parse({
        changes: [change('prod-1'), change('prod-2'), change('bad id!')],
      });
      const issues = marketplaceTargets(section, context)._unsafeUnwrapErr();
      expect(issues.map((issue) => issue.path)).toContain('changes[2].entity.identifier');
    });
  });
});
