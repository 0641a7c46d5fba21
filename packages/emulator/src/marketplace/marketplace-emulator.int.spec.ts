import {
  CancelChangeSetCommand,
  type Change,
  DescribeChangeSetCommand,
  DescribeEntityCommand,
  InternalServiceException,
  ListEntitiesCommand,
  MarketplaceCatalogClient,
  ResourceInUseException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  StartChangeSetCommand,
  type StartChangeSetCommandInput,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '../_internals/shared/failure-of.spec-support.js';
import { startMarketplaceEmulator } from './marketplace-emulator.js';
import type { MarketplaceEmulatorOptions } from './marketplace-emulator-options.js';
import type { ChangeSetInspection, RunningMarketplaceEmulator } from './running-marketplace-emulator.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const change = (identifier: string, overrides: Partial<Change> = {}): Change => ({
  ChangeType: 'UpdateInformation',
  Entity: { Type: 'SaaSProduct@1.0', Identifier: identifier },
  DetailsDocument: { ProductTitle: identifier },
  ...overrides,
});

type SdkError = Error & { $metadata: { httpStatusCode?: number; attempts?: number } };

const rejectionOf = failureOf<SdkError>;

/** Waits until every change set has finished (polling: timers fire late, never early, on a busy machine). */
const allSettled = async (emulator: RunningMarketplaceEmulator) => {
  const deadline = Date.now() + 5_000;
  while (emulator.changeSets().some((item) => item.status === 'PREPARING' || item.status === 'APPLYING')) {
    if (Date.now() > deadline) throw new Error('change sets still running after 5 s');
    await sleep(5);
  }
};

/** Two change sets that lock one entity must never hold their locks at the same time. */
const overlappingLocks = (changeSets: readonly ChangeSetInspection[]) => {
  const overlaps: string[] = [];
  changeSets.forEach((a, index) => {
    for (const b of changeSets.slice(index + 1)) {
      const shared = a.lockedEntityIds.filter((id) => b.lockedEntityIds.includes(id));
      const disjoint =
        (a.lockedUntil ?? Number.POSITIVE_INFINITY) < b.lockedFrom ||
        (b.lockedUntil ?? Number.POSITIVE_INFINITY) < a.lockedFrom;
      if (shared.length > 0 && !disjoint) overlaps.push(`${a.changeSetId} and ${b.changeSetId} on ${shared.join()}`);
    }
  });
  return overlaps;
};

describe('startMarketplaceEmulator', () => {
  let emulator: RunningMarketplaceEmulator;

  afterEach(async () => {
    await emulator.close();
  });

  /** The entities the specs change: the catalog fails a change on an entity it does not have. */
  const seeded = ['prod-0', 'prod-1', 'prod-2', 'prod-a', 'prod-b', 'prod-c', 'prod-d', 'p1', 'p2', 'p3'].map(
    (identifier) => ({ type: 'SaaSProduct@1.0', identifier }),
  );

  const start = async (options: MarketplaceEmulatorOptions = {}) => {
    emulator = await startMarketplaceEmulator({
      limits: { ratesPerSecond: false },
      ...options,
      entities: [...seeded, ...(options.entities ?? [])],
    });
  };

  /** A fresh client per call: the SDK's retry token bucket is per client. */
  const client = (maxAttempts = 1, credentials = emulator.credentials) =>
    new MarketplaceCatalogClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials, maxAttempts });

  const startChangeSet = (input: Partial<StartChangeSetCommandInput> = {}, sdk = client()) =>
    sdk.send(new StartChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSet: [change('prod-1')], ...input }));

  const describeChangeSet = (ChangeSetId: string | undefined, sdk = client()) =>
    sdk.send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }));

  const describeEntity = (EntityId: string, sdk = client()) =>
    sdk.send(new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId }));

  describe('having a valid change set', () => {
    describe('when started and described over time', () => {
      it('should go PREPARING -> APPLYING -> SUCCEEDED and then show the entity', async () => {
        // A wide APPLYING window, so a busy machine still describes it there.
        await start({ timing: { preparingMs: 300, applyingMs: 2_000 } });

        const { ChangeSetId } = await startChangeSet({
          ChangeSetName: 'first',
          ChangeSet: [change('prod-1', { DetailsDocument: undefined, Details: '{"ProductTitle":"Widget"}' })],
        });
        const preparing = await describeChangeSet(ChangeSetId);
        await sleep(600);
        const applying = await describeChangeSet(ChangeSetId);
        await allSettled(emulator);
        const succeeded = await describeChangeSet(ChangeSetId);
        const entity = await describeEntity('prod-1');

        expect(preparing).toMatchObject({ Status: 'PREPARING', ChangeSetName: 'first', Intent: 'APPLY' });
        expect(preparing.EndTime).toBeUndefined();
        expect(applying.Status).toBe('APPLYING');
        expect(succeeded).toMatchObject({
          Status: 'SUCCEEDED',
          ChangeSet: [
            {
              ChangeType: 'UpdateInformation',
              Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-1' },
              Details: '{"ProductTitle":"Widget"}',
              ErrorDetailList: [],
            },
          ],
        });
        expect(succeeded.StartTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(succeeded.EndTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(entity).toMatchObject({
          EntityType: 'SaaSProduct@1.0',
          // Seeded at revision 1; the applied change set made revision 2.
          EntityIdentifier: 'prod-1@2',
          EntityArn: 'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/SaaSProduct/prod-1',
          Details: '{"ProductTitle":"Widget"}',
          DetailsDocument: { ProductTitle: 'Widget' },
        });
      });
    });
  });

  describe('having a create referenced by a later change', () => {
    describe('when applied', () => {
      it('should generate the identifier and resolve `$ChangeName.Entity.Identifier` everywhere', async () => {
        await start({ timing: { preparingMs: 10, applyingMs: 10 } });

        const { ChangeSetId } = await startChangeSet({
          ChangeSet: [
            {
              ChangeType: 'CreateProduct',
              ChangeName: 'CreateProductChange',
              Entity: { Type: 'SaaSProduct@1.0' },
              DetailsDocument: {},
            },
            change('$CreateProductChange.Entity.Identifier', {
              DetailsDocument: { ProductTitle: 'New', Self: '$CreateProductChange.Entity.Identifier' },
            }),
          ],
        });
        await allSettled(emulator);
        const described = await describeChangeSet(ChangeSetId);
        const created = described.ChangeSet?.[0]?.Entity?.Identifier ?? '';
        const entity = await describeEntity(created);
        const listed = await client().send(
          new ListEntitiesCommand({ Catalog: 'AWSMarketplace', EntityType: 'SaaSProduct' }),
        );

        // A new entity is shown at its first revision; references resolve to its EntityId.
        expect(created).toMatch(/^prod-[a-z0-9]{13}@1$/);
        const entityId = created.replace(/@1$/, '');
        expect(described.ChangeSet?.[1]?.Entity?.Identifier).toBe(entityId);
        expect(entity).toMatchObject({ EntityIdentifier: created });
        expect(entity.DetailsDocument).toEqual({ ProductTitle: 'New', Self: entityId });
        expect(listed.EntitySummaryList).toContainEqual(
          expect.objectContaining({ EntityId: entityId, Name: 'New', EntityType: 'SaaSProduct@1.0' }),
        );
      });
    });
  });

  describe('having a failure scripted through the control API', () => {
    describe('when it names one entity of the change set', () => {
      it('should end FAILED with CLIENT_ERROR, the error in that change only and no FailureDescription, applying nothing', async () => {
        await start({ timing: { preparingMs: 20, applyingMs: 20 } });
        emulator.control.failNext({ entity: 'SaaSProduct@1.0/prod-2', code: 'INVALID_INPUT', message: 'scripted' });

        const { ChangeSetId } = await startChangeSet({ ChangeSet: [change('prod-1'), change('prod-2')] });
        await allSettled(emulator);
        const failed = await describeChangeSet(ChangeSetId);
        const untouched = await describeEntity('prod-1');

        expect(failed).toMatchObject({ Status: 'FAILED', FailureCode: 'CLIENT_ERROR' });
        expect(failed.FailureDescription).toBeUndefined();
        expect(failed.ChangeSet?.[0]?.ErrorDetailList).toEqual([]);
        expect(failed.ChangeSet?.[1]?.ErrorDetailList).toEqual([
          { ErrorCode: 'INVALID_INPUT', ErrorMessage: 'scripted' },
        ]);
        expect(untouched.EntityIdentifier).toBe('prod-1@1');
      });
    });

    describe('when it fails in APPLYING', () => {
      it('should pass APPLYING and end FAILED with SERVER_FAULT', async () => {
        await start({ timing: { preparingMs: 50, applyingMs: 150 } });
        emulator.control.failNext({ entity: 'prod-1', code: 'INTERNAL_FAILURE', message: 'down', phase: 'applying' });

        const { ChangeSetId } = await startChangeSet({});
        await sleep(100);
        const applying = await describeChangeSet(ChangeSetId);
        await allSettled(emulator);
        const failed = await describeChangeSet(ChangeSetId);

        expect(applying.Status).toBe('APPLYING');
        expect(failed).toMatchObject({ Status: 'FAILED', FailureCode: 'SERVER_FAULT' });
        expect(failed.ChangeSet?.[0]?.ErrorDetailList?.[0]?.ErrorCode).toBe('INTERNAL_FAILURE');
      });
    });
  });

  describe('having Intent VALIDATE', () => {
    describe('when called', () => {
      it('should succeed without applying and without locking the entity', async () => {
        await start({ timing: { preparingMs: 40, applyingMs: 2_000 } });

        const validation = await startChangeSet({ Intent: 'VALIDATE' });
        const apply = await startChangeSet({});
        await sleep(60);
        const validated = await describeChangeSet(validation.ChangeSetId);
        const untouched = await describeEntity('prod-1');

        expect(validated).toMatchObject({ Status: 'SUCCEEDED', Intent: 'VALIDATE' });
        expect(apply.ChangeSetId).not.toBe(validation.ChangeSetId);
        expect(untouched.EntityIdentifier).toBe('prod-1@1');
      });
    });
  });

  describe('having an entity locked by a running change set', () => {
    describe('when another change set touches it', () => {
      it('should answer ResourceInUseException 423 naming the entity and the holder, until the holder is done', async () => {
        await start({ timing: { preparingMs: 100, applyingMs: 100 } });

        const holder = await startChangeSet({ ChangeSet: [change('prod-0'), change('prod-1')] });
        const refused = await rejectionOf(
          startChangeSet({ ChangeSet: [change('prod-1', { ChangeType: 'UpdateTargeting' })] }),
        );
        await allSettled(emulator);
        const later = await startChangeSet({ ChangeSet: [change('prod-1', { ChangeType: 'UpdateTargeting' })] });

        expect(refused).toBeInstanceOf(ResourceInUseException);
        expect(refused.$metadata.httpStatusCode).toBe(423);
        expect(refused.message).toContain('prod-1');
        expect(refused.message).toContain(holder.ChangeSetId);
        expect(later.ChangeSetId).toMatch(/^[a-z0-9]{25}$/);
      });
    });

    describe('when 50 change sets over 4 entities start in parallel', () => {
      it('should never let two running change sets share an entity, and refuse the others with ResourceInUseException', async () => {
        await start({
          timing: { preparingMs: 30, applyingMs: 30 },
          limits: { ratesPerSecond: false, openChangeSetsPerAccount: 100 },
        });
        const entities = ['prod-a', 'prod-b', 'prod-c', 'prod-d'];
        let sampledOverlaps = 0;
        const sampler = setInterval(() => {
          const running = emulator
            .changeSets()
            .filter((item) => item.status === 'PREPARING' || item.status === 'APPLYING');
          sampledOverlaps += overlappingLocks(running).length;
        }, 1);

        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, (_, n) =>
            startChangeSet({
              ChangeSet: [
                change(entities[n % 4] as string),
                change(entities[(n + 1) % 4] as string, { ChangeType: 'UpdateTargeting' }),
              ],
            }),
          ),
        );
        clearInterval(sampler);
        await allSettled(emulator);
        const rejected = outcomes.flatMap((outcome) =>
          outcome.status === 'rejected' ? [outcome.reason as SdkError] : [],
        );

        expect(sampledOverlaps).toBe(0);
        expect(overlappingLocks(emulator.changeSets())).toEqual([]);
        expect(emulator.changeSets()).toHaveLength(50 - rejected.length);
        expect(emulator.changeSets().length).toBeGreaterThanOrEqual(2);
        expect(rejected.length).toBeGreaterThanOrEqual(1);
        for (const error of rejected) expect(error).toBeInstanceOf(ResourceInUseException);
      });
    });
  });

  describe('having CancelChangeSet', () => {
    describe('when the change set is PREPARING', () => {
      it('should cancel it and release its locks', async () => {
        await start({ timing: { preparingMs: 200, applyingMs: 200 } });

        const first = await startChangeSet({});
        const cancel = await client().send(
          new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: first.ChangeSetId }),
        );
        const cancelled = await describeChangeSet(first.ChangeSetId);
        const second = await startChangeSet({});

        expect(cancel).toMatchObject({ ChangeSetId: first.ChangeSetId, ChangeSetArn: first.ChangeSetArn });
        expect(cancelled.Status).toBe('CANCELLED');
        expect(cancelled.EndTime).toBeDefined();
        expect(second.ChangeSetId).not.toBe(first.ChangeSetId);
      });
    });

    describe('when the change set is APPLYING', () => {
      it('should refuse with ResourceInUseException 423 and keep applying', async () => {
        await start({ timing: { preparingMs: 20, applyingMs: 300 } });

        const { ChangeSetId } = await startChangeSet({});
        await sleep(60);
        const refused = await rejectionOf(
          client().send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId })),
        );

        expect(refused).toBeInstanceOf(ResourceInUseException);
        expect(refused.$metadata.httpStatusCode).toBe(423);
        expect(refused.message).toContain('APPLYING');
        expect((await describeChangeSet(ChangeSetId)).Status).toBe('APPLYING');
      });
    });

    describe('when the change set has finished', () => {
      it('should refuse with ValidationException', async () => {
        await start({ timing: { preparingMs: 5, applyingMs: 5 } });

        const { ChangeSetId } = await startChangeSet({});
        await allSettled(emulator);
        const refused = await rejectionOf(
          client().send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId })),
        );

        expect(refused).toBeInstanceOf(ValidationException);
        expect(refused.message).toContain('SUCCEEDED');
      });
    });

    describe('when the change set does not exist', () => {
      it('should answer ResourceNotFoundException 404', async () => {
        await start();

        const missing = await rejectionOf(
          client().send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: 'nope' })),
        );

        expect(missing).toBeInstanceOf(ResourceNotFoundException);
        expect(missing.$metadata.httpStatusCode).toBe(404);
      });
    });
  });

  describe('having a ClientRequestToken', () => {
    describe('when the same request is sent again, even after it finished', () => {
      it('should answer the same change set without starting another', async () => {
        await start({ timing: { preparingMs: 5, applyingMs: 5 } });

        const first = await startChangeSet({ ClientRequestToken: 'deploy-1' });
        await allSettled(emulator);
        const again = await startChangeSet({ ClientRequestToken: 'deploy-1' });

        expect(again).toEqual({ ...first, $metadata: expect.anything() });
        expect(emulator.changeSets()).toHaveLength(1);
        expect(emulator.changeSets()[0]).toMatchObject({ clientRequestToken: 'deploy-1', status: 'SUCCEEDED' });
      });
    });

    describe('when another request reuses it', () => {
      it('should refuse it with ValidationException on ClientRequestToken', async () => {
        await start();

        await startChangeSet({ ClientRequestToken: 'deploy-1' });
        const refused = (await rejectionOf(
          startChangeSet({ ClientRequestToken: 'deploy-1', ChangeSet: [change('prod-2')] }),
        )) as ValidationException;

        expect(refused).toBeInstanceOf(ValidationException);
        expect(refused.ValidationExceptionFieldList?.[0]?.Field).toBe('ClientRequestToken');
        expect(emulator.changeSets()).toHaveLength(1);
      });
    });

    describe('when the answers are lost after the start and the SDK retries with its own token', () => {
      it('should leave exactly one change set', async () => {
        await start();
        emulator.faults.add({ kind: 'drop', operation: 'StartChangeSet', count: 1, after: true });
        emulator.faults.add({ kind: 'server-error', operation: 'StartChangeSet', count: 1, after: true });

        const result = await startChangeSet({}, client(3));

        expect(emulator.requestCount('StartChangeSet')).toBe(3);
        expect(emulator.changeSets()).toHaveLength(1);
        expect(emulator.changeSets()[0]?.changeSetId).toBe(result.ChangeSetId);
        expect(emulator.changeSets()[0]?.clientRequestToken).toMatch(/^[0-9a-f-]{36}$/);
        expect(result.$metadata.attempts).toBe(3);
      });
    });
  });

  describe('having injected faults', () => {
    describe('when a server error answers a request without retries', () => {
      it('should be read back as InternalServiceException 500, nothing started', async () => {
        await start({ faults: [{ kind: 'server-error', operation: 'StartChangeSet', count: 1 }] });

        const error = await rejectionOf(startChangeSet({}));

        expect(error).toBeInstanceOf(InternalServiceException);
        expect(error.$metadata.httpStatusCode).toBe(500);
        expect(emulator.changeSets()).toEqual([]);
      });
    });

    describe('when a throttle answers a request and the SDK keeps its default retries', () => {
      it('should retry and succeed', async () => {
        await start({
          faults: [{ kind: 'throttle', operation: 'DescribeEntity', count: 1 }],
          entities: [{ type: 'SaaSProduct@1.0', identifier: 'prod-seeded' }],
        });
        const sdk = new MarketplaceCatalogClient({
          region: 'us-east-1',
          endpoint: emulator.endpoint,
          credentials: emulator.credentials,
        });

        const entity = await describeEntity('prod-seeded', sdk);

        expect(entity.EntityIdentifier).toBe('prod-seeded@1');
        expect(entity.$metadata.attempts).toBe(2);
        expect(emulator.requestCount('DescribeEntity')).toBe(2);
      });
    });
  });

  describe('having the open change set quota', () => {
    describe('when one more change set would be open', () => {
      it('should answer ServiceQuotaExceededException 402 until one finishes', async () => {
        await start({
          timing: { preparingMs: 100, applyingMs: 100 },
          limits: { ratesPerSecond: false, openChangeSetsPerAccount: 2 },
        });

        await startChangeSet({ ChangeSet: [change('p1')] });
        await startChangeSet({ ChangeSet: [change('p2')] });
        const refused = await rejectionOf(startChangeSet({ ChangeSet: [change('p3')] }));
        await allSettled(emulator);
        const later = await startChangeSet({ ChangeSet: [change('p3')] });

        expect(refused).toBeInstanceOf(ServiceQuotaExceededException);
        expect(refused.$metadata.httpStatusCode).toBe(402);
        expect(later.ChangeSetId).toBeDefined();
      });
    });

    describe('when an open change set is cancelled, or a dry run is open', () => {
      it('should free a place at once for the cancel, and count no VALIDATE change set', async () => {
        await start({
          timing: { preparingMs: 5_000, applyingMs: 5_000 },
          limits: { ratesPerSecond: false, openChangeSetsPerAccount: 1 },
        });

        const dryRun = await startChangeSet({ ChangeSet: [change('v1')], Intent: 'VALIDATE' });
        const first = await startChangeSet({ ChangeSet: [change('c1')] });
        const refused = await rejectionOf(startChangeSet({ ChangeSet: [change('c2')] }));
        await client().send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: first.ChangeSetId }));
        const after = await startChangeSet({ ChangeSet: [change('c2')] });

        expect(dryRun.ChangeSetId).toBeDefined();
        expect(refused).toBeInstanceOf(ServiceQuotaExceededException);
        expect(after.ChangeSetId).toBeDefined();
      });
    });
  });

  describe('having the documented rates', () => {
    describe('when StartChangeSet is called faster than 5 per second', () => {
      it('should answer ThrottlingException 429 past the burst', async () => {
        emulator = await startMarketplaceEmulator();

        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, (_, n) => startChangeSet({ ChangeSet: [change(`t${n}`)] })),
        );
        const throttled = outcomes.flatMap((outcome) =>
          outcome.status === 'rejected' ? [outcome.reason as SdkError] : [],
        );

        expect(throttled.length).toBeGreaterThanOrEqual(3);
        expect(emulator.changeSets()).toHaveLength(10 - throttled.length);
        for (const error of throttled) {
          expect(error).toBeInstanceOf(ThrottlingException);
          expect(error.$metadata.httpStatusCode).toBe(429);
        }
      });
    });
  });

  describe('having two accounts', () => {
    describe('when one describes the change set of the other', () => {
      it('should not find it', async () => {
        const other = {
          accessKeyId: 'AKIDOTHERACCOUNT0001',
          secretAccessKey: 'other-secret',
          accountId: '210987654321',
        };
        await start({ credentials: [{ accessKeyId: 'AKIDFIRSTACCOUNT0001', secretAccessKey: 'first-secret' }, other] });

        const { ChangeSetId, ChangeSetArn } = await startChangeSet({});
        const missing = await rejectionOf(describeChangeSet(ChangeSetId, client(1, other)));

        expect(ChangeSetArn).toContain(':123456789012:');
        expect(missing).toBeInstanceOf(ResourceNotFoundException);
      });
    });
  });

  describe('having an unsigned request', () => {
    describe('when sent with plain fetch', () => {
      it('should answer the restJson1 error shape: status, x-amzn-ErrorType, x-amzn-RequestId, JSON message', async () => {
        await start();

        const response = await fetch(`${emulator.endpoint}/ListChangeSets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"Catalog":"AWSMarketplace"}',
        });

        expect(response.status).toBe(403);
        expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
        expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
        expect(response.headers.get('content-type')).toContain('application/json');
        expect(await response.json()).toEqual({ message: expect.stringContaining('Authentication') });
      });
    });
  });

  describe('having bad signatures', () => {
    describe('when the secret is wrong', () => {
      it('should answer InvalidSignatureException 403', async () => {
        await start();

        const error = await rejectionOf(
          startChangeSet({}, client(1, { ...emulator.credentials, secretAccessKey: 'wrong' })),
        );

        expect(error.name).toBe('InvalidSignatureException');
        expect(error.$metadata.httpStatusCode).toBe(403);
        expect(emulator.requestCount()).toBe(0);
      });
    });

    describe('when the access key is unknown', () => {
      it('should answer UnrecognizedClientException 403', async () => {
        await start();

        const error = await rejectionOf(
          startChangeSet({}, client(1, { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' })),
        );

        expect(error.name).toBe('UnrecognizedClientException');
        expect(error.$metadata.httpStatusCode).toBe(403);
      });
    });

    describe('when the body is changed after signing', () => {
      it('should answer InvalidSignatureException 403 for the body hash, nothing started', async () => {
        await start();
        const sdk = client();
        type Args = { request: { body?: string | Uint8Array } };
        const tamper = (next: (args: Args) => Promise<unknown>) => (args: Args) => {
          const { body } = args.request;
          // Same length, so Content-Length still holds; only the signed body hash no longer matches.
          const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
          args.request.body = new TextEncoder().encode(text.replace('prod-1', 'prod-2'));
          return next(args);
        };
        sdk.middlewareStack.addRelativeTo(
          tamper as unknown as Parameters<typeof sdk.middlewareStack.addRelativeTo>[0],
          {
            relation: 'after',
            toMiddleware: 'httpSigningMiddleware',
            name: 'tamperAfterSigning',
          },
        );

        const error = await rejectionOf(startChangeSet({}, sdk));

        expect(error.name).toBe('InvalidSignatureException');
        expect(error.$metadata.httpStatusCode).toBe(403);
        expect(error.message).toContain('x-amz-content-sha256');
        expect(emulator.changeSets()).toEqual([]);
      });
    });
  });
});
