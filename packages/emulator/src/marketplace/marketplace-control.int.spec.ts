import {
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  DescribeEntityCommand,
  StartChangeSetCommand,
  ThrottlingException,
} from '@aws-sdk/client-marketplace-catalog';
import { afterEach, describe, expect, it } from 'vitest';
import { marketplaceClientOf } from '../_internals/marketplace/marketplace-client.spec-support.js';
import { failureOf } from '../_internals/shared/failure-of.spec-support.js';
import { InvalidSeedError } from '../shared/seed-issue.js';
import { startMarketplaceEmulator } from './marketplace-emulator.js';
import type { MarketplaceEmulatorState } from './marketplace-emulator-control.js';
import { checkMarketplaceSeed, type MarketplaceSeed } from './marketplace-seed.js';
import type { RunningMarketplaceEmulator } from './running-marketplace-emulator.js';

// The seed and the control API are the emulator's own (README "Seed file and control API"); what a scripted
// failure looks like is the service's: DescribeChangeSet FAILED, FailureCode CLIENT_ERROR or SERVER_FAULT,
// the error in the change's ErrorDetailList, FailureDescription for a failure tied to no change
// (https://docs.aws.amazon.com/marketplace/latest/APIReference/API_DescribeChangeSet.html).

const seed: MarketplaceSeed = {
  entities: [
    { type: 'SaaSProduct@1.0', identifier: 'prod-x@4', tags: { team: 'a' } },
    { type: 'Offer@1.0', identifier: 'offer-x', owner: '210987654321' },
  ],
};

describe('the Marketplace seed and control API', () => {
  let emulator: RunningMarketplaceEmulator;

  afterEach(async () => {
    await emulator?.close();
    // A spec that starts no emulator must not close the last one again.
    emulator = undefined as unknown as RunningMarketplaceEmulator;
  });

  const start = async () => {
    emulator = await startMarketplaceEmulator({
      seed,
      limits: { ratesPerSecond: false },
      timing: { preparingMs: 20, applyingMs: 20 },
    });
  };
  const control = (method: 'GET' | 'POST', path: string, body?: unknown) =>
    fetch(`${emulator.endpoint}/_emulator/${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
  const stateOf = async () => (await (await control('GET', 'state')).json()) as MarketplaceEmulatorState;
  const settle = async (identifier = 'prod-x'): Promise<DescribeChangeSetCommandOutput> => {
    const client = marketplaceClientOf(emulator);
    const { ChangeSetId } = await client.send(
      new StartChangeSetCommand({
        Catalog: 'AWSMarketplace',
        ChangeSet: [
          {
            ChangeType: 'UpdateInformation',
            Entity: { Type: 'SaaSProduct@1.0', Identifier: identifier },
            Details: '{}',
          },
        ],
      }),
    );
    for (;;) {
      const described = await client.send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }));
      if (described.Status !== 'PREPARING' && described.Status !== 'APPLYING') return described;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  describe('having a seed', () => {
    it('should hold its entities with their revisions, tags and owners', async () => {
      await start();

      const state = await stateOf();
      const described = await marketplaceClientOf(emulator).send(
        new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId: 'prod-x' }),
      );
      // The offer belongs to another account: the default credentials' account does not see it.
      const hidden = await failureOf(
        marketplaceClientOf(emulator).send(
          new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId: 'offer-x' }),
        ),
      );

      expect(described.EntityIdentifier).toBe('prod-x@4');
      expect(state.entities).toEqual([
        expect.objectContaining({ identifier: 'prod-x@4', owner: '123456789012', tags: { team: 'a' } }),
        expect.objectContaining({ identifier: 'offer-x@1', owner: '210987654321' }),
      ]);
      expect(hidden.name).toBe('ResourceNotFoundException');
    });

    it('should refuse a wrong seed with every issue named by its path', async () => {
      const wrong = {
        entities: [
          { type: '', identifier: 'prod x' },
          { type: 'Offer@1.0', identifier: 'o', owner: '1', colour: 1 },
        ],
      };

      const checked = checkMarketplaceSeed(wrong);
      const refused = await failureOf(startMarketplaceEmulator({ seed: wrong as unknown as MarketplaceSeed }));

      expect(checked.ok).toBe(false);
      const paths = checked.ok ? [] : checked.issues.map((issue) => issue.path);
      expect(paths).toEqual(
        expect.arrayContaining(['entities[0].type', 'entities[0].identifier', 'entities[1].owner', 'entities[1]']),
      );
      expect(refused).toBeInstanceOf(InvalidSeedError);
      expect(refused.message).toContain('entities[1].owner');
    });
  });

  describe('having POST /_emulator/failures', () => {
    it('should fail the next change sets on that entity (times) with that code, then let the next one succeed', async () => {
      await start();

      const scripted = await control('POST', 'failures', {
        entity: 'SaaSProduct@1.0/prod-x',
        code: 'INVALID_PRICING',
        message: 'the price is wrong',
        times: 2,
      });
      const pending = (await stateOf()).failures;
      const first = await settle('prod-x@4');
      const second = await settle();
      const third = await settle();

      expect(scripted.status).toBe(200);
      expect(pending).toEqual([expect.objectContaining({ entity: 'SaaSProduct@1.0/prod-x', times: 2 })]);
      for (const failed of [first, second]) {
        expect(failed).toMatchObject({ Status: 'FAILED', FailureCode: 'CLIENT_ERROR' });
        expect(failed.ChangeSet?.[0]?.ErrorDetailList).toEqual([
          { ErrorCode: 'INVALID_PRICING', ErrorMessage: 'the price is wrong' },
        ]);
      }
      expect(third.Status).toBe('SUCCEEDED');
      expect((await stateOf()).failures).toEqual([]);
    });

    it('should fail a change set with FailureDescription when the failure names no entity', async () => {
      await start();
      emulator.control.failNext({ code: 'SERVICE_BUSY', message: 'try later', phase: 'applying' });

      const failed = await settle();

      expect(failed).toMatchObject({ Status: 'FAILED', FailureCode: 'SERVER_FAULT' });
      expect(failed.FailureDescription).toBe('SERVICE_BUSY: try later');
      expect(failed.ChangeSet?.[0]?.ErrorDetailList).toEqual([]);
    });

    it('should answer 400 with the issues for a rule it cannot use, and 404 for a path it does not have', async () => {
      await start();

      const refused = await control('POST', 'failures', { entity: 'prod-x', phase: 'later' });
      const notJson = await fetch(`${emulator.endpoint}/_emulator/failures`, { method: 'POST', body: '{' });
      const unknown = await control('POST', 'explode');

      expect(refused.status).toBe(400);
      const { issues } = (await refused.json()) as { issues: { path: string }[] };
      expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['code', 'message', 'phase']));
      expect(notJson.status).toBe(400);
      expect(unknown.status).toBe(404);
      expect(() => emulator.control.failNext({ code: '', message: 'm' })).toThrow(RangeError);
    });
  });

  describe('having POST /_emulator/faults and /_emulator/reset', () => {
    it('should throttle the next DescribeEntity, then reset to the seed with no change sets, failures or faults', async () => {
      await start();

      await control('POST', 'faults', { kind: 'throttle', operation: 'DescribeEntity', count: 1 });
      const throttled = await failureOf(
        marketplaceClientOf(emulator).send(
          new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId: 'prod-x' }),
        ),
      );
      await settle();
      await control('POST', 'faults', { kind: 'slow', delayMs: 10 });
      await control('POST', 'failures', { entity: 'prod-x', code: 'C', message: 'm' });
      const before = await stateOf();
      const reset = await control('POST', 'reset');
      const after = await stateOf();
      const refusedFault = await control('POST', 'faults', { kind: 'meteor' });
      const counted = emulator.requestCount();
      await stateOf();

      expect(throttled).toBeInstanceOf(ThrottlingException);
      expect(before.entities[0]?.identifier).toBe('prod-x@5');
      expect(before.changeSets).toHaveLength(1);
      expect(before.faults).toEqual([{ kind: 'slow', delayMs: 10 }]);
      expect(reset.status).toBe(200);
      expect(after).toMatchObject({ changeSets: [], failures: [], faults: [] });
      expect(after.entities[0]?.identifier).toBe('prod-x@4');
      expect(refusedFault.status).toBe(400);
      // The control API is not the service: none of its requests is counted.
      expect(emulator.requestCount()).toBe(counted);
    });
  });
});
