import { planChangeSets } from '@changeplane/core';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { validateMarketplaceRequest } from './_internals/validate-marketplace-request.js';
import { AwsMarketplaceProvider } from './aws-marketplace-provider.js';
import type { MarketplaceChange } from './marketplace-change-set-request.js';
import { marketplacePlanningPolicy } from './marketplace-planning-policy.js';

// The service writes identifiers as EntityId@RevisionId (`entity-id@1` in the StartChangeSet page's example,
// https://docs.aws.amazon.com/marketplace/latest/APIReference/API_StartChangeSet.html) and locks the entity a
// running change set targets: a revision names a version of one entity, never another entity.

const update = (identifier: string, changeType = 'UpdateInformation'): MarketplaceChange => ({
  changeType,
  entity: { type: 'SaaSProduct@1.0', identifier },
  details: { ProductTitle: identifier },
});

describe('entity identifiers with revisions', () => {
  describe('having prod-abc@1 and prod-abc in one plan', () => {
    it('should key them as one entity, so the planner never runs them side by side', () => {
      expect(marketplacePlanningPolicy.orderKey(update('prod-abc@1'))).toBe('SaaSProduct@1.0/prod-abc');
      const sets = planChangeSets([update('prod-abc@1'), update('prod-abc')], marketplacePlanningPolicy);
      expect(sets._unsafeUnwrap().sets).toHaveLength(2);
    });

    it('should refuse the same change type twice in one change set', () => {
      const refused = validateMarketplaceRequest({ changes: [update('prod-abc@1'), update('prod-abc')] });
      expect(refused._unsafeUnwrapErr().issues.map((issue) => issue.path)).toEqual(['changes[1].changeType']);
    });
  });

  describe('having one change set started on prod-abc@1', () => {
    let emulator: RunningMarketplaceEmulator;
    let provider: AwsMarketplaceProvider;
    afterEach(async () => {
      await provider.dispose();
      await emulator.close();
    });

    it('should lock prod-abc: a create on prod-abc is locked before any call, and the service would say 423', async () => {
      emulator = await startMarketplaceEmulator({
        limits: { ratesPerSecond: false },
        timing: { preparingMs: 300, applyingMs: 300 },
        seed: { entities: [{ type: 'SaaSProduct@1.0', identifier: 'prod-abc' }] },
      });
      provider = AwsMarketplaceProvider.fromOptions({
        region: emulator.region,
        endpoint: emulator.endpoint,
        credentials: emulator.credentials,
      });
      const first = (await provider.create({ changes: [update('prod-abc@1')] }))._unsafeUnwrap();
      const started = (await provider.start(first))._unsafeUnwrap();
      const calls = emulator.requestCount();

      const second = await provider.create({ changes: [update('prod-abc', 'UpdateTargeting')] });
      const settled = (await provider.waitUntilSettled(started, { minDelayMs: 10, maxDelayMs: 50 }))._unsafeUnwrap();

      expect(first.entities).toEqual(['prod-abc']);
      expect(second._unsafeUnwrapErr()).toMatchObject({ kind: 'locked', entities: ['prod-abc'] });
      expect(emulator.requestCount('StartChangeSet')).toBe(1);
      expect(calls).toBeGreaterThan(0);
      // Reported as the service returns it: the identifier the change named, revision included.
      expect(settled).toMatchObject({ status: 'succeeded', entities: ['prod-abc@1'] });
    });
  });
});
