import type { ProviderDescriptor, ProviderRuntime } from '@changeplane/core';
import { ok } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { planFileSchemaFor } from '../../plan-file/plan-file-schema.js';
import { builtinDescriptors } from '../../providers/builtin-descriptors.js';
import { loadProviders } from '../../providers/loaded-provider.js';
import { buildProviderPlans } from './build-provider-plans.js';

// A third provider, written only against core's descriptor types: the command needs no change to drive it.
const queueSection = z.object({ queues: z.array(z.string()).min(1) }).strict();
const queueRuntime: ProviderRuntime<z.infer<typeof queueSection>, string> = {
  sectionSchema: queueSection,
  toTargets: (section) =>
    ok({
      targets: section.queues.map((queue) => ({
        task: `queue:${queue}`,
        label: `queue ${queue}`,
        request: queue,
        conflictKeys: [queue],
        changeCount: 1,
      })),
      concurrency: 1,
    }),
  resolveConnection: async () => ({ found: false, searched: ['nowhere'] }),
  connect: async () => {
    throw new Error('not used here');
  },
  startEmulator: async () => {
    throw new Error('not used here');
  },
};
const queueDescriptor: ProviderDescriptor = {
  id: 'fake-queues',
  planSection: 'queues',
  title: 'Fake queues',
  options: [],
  credentialSources: [],
  load: async () => queueRuntime as ProviderRuntime,
};

describe(buildProviderPlans, () => {
  describe('having the built-in providers and a third one', () => {
    it('should check the plan against every section and build each provider its targets', async () => {
      const providers = await loadProviders([...builtinDescriptors, queueDescriptor]);
      const schema = planFileSchemaFor(providers);
      const plan = schema.parse({
        version: 1,
        queues: { queues: ['a', 'b'] },
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
      expect(plans[1]!.plan.targets.map((target) => target.task)).toEqual(['queue:a', 'queue:b']);
    });

    it('should refuse a plan with none of the sections, naming them all', async () => {
      const providers = await loadProviders([...builtinDescriptors, queueDescriptor]);
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
