import { describe, expect, it } from 'vitest';
import { fakeQueueDescriptor } from '../../../../../test/contract/fake-provider/fake-queue-descriptor.js';
import { planFileSchemaFor } from '../../plan-file/plan-file-schema.js';
import { builtinDescriptors } from '../../providers/builtin-descriptors.js';
import { loadProviders } from '../../providers/loaded-provider.js';
import { buildProviderPlans } from './build-provider-plans.js';

// The third provider is the contract suite's (test/contract/fake-provider), written only against core's
// descriptor types: the command needs no change to drive it.

describe(buildProviderPlans, () => {
  describe('having the built-in providers and a third one', () => {
    it('should check the plan against every section and build each provider its targets', async () => {
      const providers = await loadProviders([...builtinDescriptors, fakeQueueDescriptor]);
      const schema = planFileSchemaFor(providers);
      const plan = schema.parse({
        version: 1,
        queues: {
          changes: [
            { queue: 'a', action: 'create', size: 1 },
            { queue: 'a', action: 'resize', size: 2 },
          ],
        },
        marketplace: {
          changes: [
            {
              changeType: 'UpdateInformation',
              entity: { type: 'SaaSProduct@1.0', identifier: 'prod-1' },
              details: { ProductTitle: 'x' },
            },
          ],
        },
      });
      const plans = buildProviderPlans(plan, providers, {
        file: 'p.yaml',
        runId: 'r1',
        options: () => ({}),
      })._unsafeUnwrap();
      expect(plans.map((entry) => entry.descriptor.id)).toEqual(['aws-marketplace', 'fake-queues']);
      // Two changes of one queue never share a set: the fake's planning policy, through core's planner.
      expect(plans[1]!.plan.targets.map((target) => target.task)).toEqual(['queues:1', 'queues:2']);
      expect(plans[1]!.plan.targets.map((target) => target.conflictKeys)).toEqual([['a'], ['a']]);
    });

    it('should refuse a plan with none of the sections, naming them all', async () => {
      const providers = await loadProviders([...builtinDescriptors, fakeQueueDescriptor]);
      const checked = planFileSchemaFor(providers).safeParse({ version: 1 });
      expect(checked.success).toBe(false);
      expect(checked.error?.issues[0]?.message).toBe('a plan needs at least one of `ros` or `marketplace` or `queues`');
    });
  });

  describe('having a section with a problem only the adapter knows', () => {
    it('should report it with the plan-file path, section key first', async () => {
      const providers = await loadProviders(builtinDescriptors);
      const plan = planFileSchemaFor(providers).parse({
        version: 1,
        ros: { stacks: [{ name: 'net', template: { ROSTemplateFormatVersion: '2015-09-01' }, timeoutInMinutes: 5 }] },
      });
      const issues = buildProviderPlans(plan, providers, {
        file: 'p.yaml',
        runId: 'r1',
        options: () => ({}),
      })._unsafeUnwrapErr();
      expect(issues).toEqual([expect.objectContaining({ file: 'p.yaml', path: 'ros.stacks[0].timeoutInMinutes' })]);
    });
  });
});
