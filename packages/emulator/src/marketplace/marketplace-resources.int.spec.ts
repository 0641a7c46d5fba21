import {
  BatchDescribeEntitiesCommand,
  DeleteResourcePolicyCommand,
  DescribeChangeSetCommand,
  DescribeEntityCommand,
  GetResourcePolicyCommand,
  ListTagsForResourceCommand,
  PutResourcePolicyCommand,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  StartChangeSetCommand,
  TagResourceCommand,
  ThrottlingException,
  UntagResourceCommand,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import { afterEach, describe, expect, it } from 'vitest';
import { marketplaceClientOf } from '../_internals/marketplace/marketplace-client.spec-support.js';
import { failureOf } from '../_internals/shared/failure-of.spec-support.js';
import { documentedOpenChangeSetsPerAccount, documentedRates } from './documented-rates.js';
import { startMarketplaceEmulator } from './marketplace-emulator.js';
import type { MarketplaceEmulatorOptions } from './marketplace-emulator-options.js';
import type { RunningMarketplaceEmulator } from './running-marketplace-emulator.js';

// Sources (https://docs.aws.amazon.com/marketplace/latest/APIReference/...): API_TagResource.html,
// API_UntagResource.html, API_ListTagsForResource.html (tags of an entity or a change set, by ARN),
// API_PutResourcePolicy.html, API_GetResourcePolicy.html, API_DeleteResourcePolicy.html (a policy on an entity),
// API_BatchDescribeEntities.html (EntityDetails and Errors keyed by EntityId), API_StartChangeSet.html
// (ChangeSetTags, EntityTags), catalog-service-quotas.html (250 open StartChangeSet requests per account,
// 5 requests per second for the tagging and policy operations).

const productArn = 'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/SaaSProduct/prod-abc';
const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'aws-marketplace:DescribeEntity' }],
});

describe('Marketplace tags, resource policies, BatchDescribeEntities and quotas', () => {
  let emulator: RunningMarketplaceEmulator;

  afterEach(async () => {
    await emulator.close();
  });

  const start = async (options: MarketplaceEmulatorOptions = {}) => {
    emulator = await startMarketplaceEmulator({
      limits: { ratesPerSecond: false },
      timing: { preparingMs: 20, applyingMs: 20 },
      seed: { entities: [{ type: 'SaaSProduct@1.0', identifier: 'prod-abc', tags: { team: 'billing' } }] },
      ...options,
    });
  };
  const client = () => marketplaceClientOf(emulator);
  const tagsOf = async (ResourceArn: string) =>
    (await client().send(new ListTagsForResourceCommand({ ResourceArn }))).Tags;
  const settled = async () => {
    while (emulator.changeSets().some((item) => item.status === 'PREPARING' || item.status === 'APPLYING')) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  describe('having tags', () => {
    it('should store ChangeSetTags and EntityTags, and tag, untag and list both by their ARNs', async () => {
      await start();
      const started = await client().send(
        new StartChangeSetCommand({
          Catalog: 'AWSMarketplace',
          ChangeSetTags: [{ Key: 'ticket', Value: 'CP-1' }],
          ChangeSet: [
            {
              ChangeType: 'UpdateInformation',
              Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-abc@1' },
              EntityTags: [{ Key: 'stage', Value: 'beta' }],
              DetailsDocument: { ProductTitle: 'ABC' },
            },
          ],
        }),
      );
      await settled();
      const changeSetArn = started.ChangeSetArn as string;

      expect(changeSetArn).toMatch(/^arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace\/ChangeSet\/\w+$/);
      expect(await tagsOf(changeSetArn)).toEqual([{ Key: 'ticket', Value: 'CP-1' }]);
      expect(await tagsOf(productArn)).toEqual([
        { Key: 'team', Value: 'billing' },
        { Key: 'stage', Value: 'beta' },
      ]);

      await client().send(new TagResourceCommand({ ResourceArn: productArn, Tags: [{ Key: 'team', Value: 'sales' }] }));
      await client().send(new UntagResourceCommand({ ResourceArn: productArn, TagKeys: ['stage', 'absent'] }));
      await client().send(new UntagResourceCommand({ ResourceArn: changeSetArn, TagKeys: ['ticket'] }));

      expect(await tagsOf(productArn)).toEqual([{ Key: 'team', Value: 'sales' }]);
      expect(await tagsOf(changeSetArn)).toEqual([]);
    });

    it('should answer ResourceNotFoundException for an ARN of nothing, and ValidationException for a malformed one', async () => {
      await start();

      const missing = await failureOf(tagsOf(productArn.replace('prod-abc', 'prod-none')));
      const malformed = await failureOf(tagsOf('arn:aws:s3:::bucket'));
      const otherAccount = await failureOf(tagsOf(productArn.replace('123456789012', '210987654321')));

      expect(missing).toBeInstanceOf(ResourceNotFoundException);
      expect(malformed).toBeInstanceOf(ValidationException);
      expect(otherAccount).toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('having resource policies', () => {
    it('should put, get and delete the policy of an entity, and answer ResourceNotFoundException when it has none', async () => {
      await start();

      await client().send(new PutResourcePolicyCommand({ ResourceArn: productArn, Policy: policy }));
      const got = await client().send(new GetResourcePolicyCommand({ ResourceArn: productArn }));
      await client().send(new DeleteResourcePolicyCommand({ ResourceArn: productArn }));
      const gone = await failureOf(client().send(new GetResourcePolicyCommand({ ResourceArn: productArn })));
      const notJson = await failureOf(
        client().send(new PutResourcePolicyCommand({ ResourceArn: productArn, Policy: 'allow everyone' })),
      );

      expect(got.Policy).toBe(policy);
      expect(gone).toBeInstanceOf(ResourceNotFoundException);
      expect(notJson).toBeInstanceOf(ValidationException);
    });
  });

  describe('having BatchDescribeEntities', () => {
    it('should describe the entities it has and list the others under Errors, keyed by the EntityId asked for', async () => {
      await start();

      const described = await client().send(
        new BatchDescribeEntitiesCommand({
          EntityRequestList: [
            { Catalog: 'AWSMarketplace', EntityId: 'prod-abc' },
            { Catalog: 'AWSMarketplace', EntityId: 'prod-none' },
          ],
        }),
      );
      const single = await client().send(
        new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId: 'prod-abc' }),
      );

      expect(described.EntityDetails?.['prod-abc']).toMatchObject({
        EntityType: 'SaaSProduct@1.0',
        EntityArn: productArn,
        EntityIdentifier: single.EntityIdentifier,
        LastModifiedDate: single.LastModifiedDate,
      });
      expect(Object.keys(described.Errors ?? {})).toEqual(['prod-none']);
      expect(described.Errors?.['prod-none']?.ErrorCode).toEqual(expect.any(String));
    });
  });

  describe('having the documented quotas', () => {
    it('should allow 250 open change sets per account and refuse the 251st with ServiceQuotaExceededException 402', async () => {
      emulator = await startMarketplaceEmulator({
        limits: { ratesPerSecond: false },
        unknownEntities: 'create',
        timing: { preparingMs: 60_000, applyingMs: 60_000 },
      });
      const startOne = (n: number) =>
        client().send(
          new StartChangeSetCommand({
            Catalog: 'AWSMarketplace',
            ChangeSet: [
              {
                ChangeType: 'UpdateInformation',
                Entity: { Type: 'SaaSProduct@1.0', Identifier: `prod-${n}` },
                Details: '{}',
              },
            ],
          }),
        );
      for (let n = 0; n < documentedOpenChangeSetsPerAccount; n += 1) await startOne(n);

      const refused = await failureOf<ServiceQuotaExceededException>(startOne(250));

      expect(documentedOpenChangeSetsPerAccount).toBe(250);
      expect(refused).toBeInstanceOf(ServiceQuotaExceededException);
      expect(refused.$metadata.httpStatusCode).toBe(402);
    });

    it('should throttle TagResource past its documented 5 per second', async () => {
      emulator = await startMarketplaceEmulator({
        seed: { entities: [{ type: 'SaaSProduct@1.0', identifier: 'prod-abc' }] },
      });
      const tag = () =>
        client().send(new TagResourceCommand({ ResourceArn: productArn, Tags: [{ Key: 'k', Value: 'v' }] }));

      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, tag));
      const throttled = outcomes.filter(
        (outcome) => outcome.status === 'rejected' && outcome.reason instanceof ThrottlingException,
      );

      expect(documentedRates.TagResource).toBe(5);
      expect(throttled.length).toBeGreaterThanOrEqual(2);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBeLessThanOrEqual(6);
    });
  });

  describe('having a change set described after its tags changed', () => {
    it('should keep the change set itself unchanged', async () => {
      await start();
      const { ChangeSetId, ChangeSetArn } = await client().send(
        new StartChangeSetCommand({
          Catalog: 'AWSMarketplace',
          ChangeSetName: 'named',
          ChangeSet: [
            {
              ChangeType: 'UpdateInformation',
              Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-abc' },
              Details: '{}',
            },
          ],
        }),
      );
      await client().send(new TagResourceCommand({ ResourceArn: ChangeSetArn, Tags: [{ Key: 'late', Value: 'yes' }] }));
      await settled();

      const described = await client().send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }));

      expect(described).toMatchObject({ ChangeSetName: 'named', Status: 'SUCCEEDED' });
      expect(await tagsOf(ChangeSetArn as string)).toEqual([{ Key: 'late', Value: 'yes' }]);
    });
  });
});
