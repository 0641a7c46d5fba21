import { isChangeSetError } from '@changeplane/core';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsMarketplaceProvider } from './aws-marketplace-provider.js';
import type { MarketplaceChange } from './marketplace-change-set-request.js';

// DescribeChangeSet (https://docs.aws.amazon.com/marketplace/latest/APIReference/API_DescribeChangeSet.html):
// FailureCode CLIENT_ERROR "means that there are issues with the request (see the ErrorDetailList)",
// SERVER_FAULT "means that there is a problem in the system, and you should retry your request".

const update = (
  identifier: string,
  details: MarketplaceChange['details'] = { ProductTitle: identifier },
): MarketplaceChange => ({
  changeType: 'UpdateInformation',
  entity: { type: 'SaaSProduct@1.0', identifier },
  details,
});
const wait = { minDelayMs: 10, maxDelayMs: 50, maxWaitMs: 10_000 };

describe('AwsMarketplaceProvider and a change set that ends FAILED', () => {
  let emulator: RunningMarketplaceEmulator;
  let provider: AwsMarketplaceProvider;
  beforeEach(async () => {
    emulator = await startMarketplaceEmulator({
      limits: { ratesPerSecond: false },
      timing: { preparingMs: 20, applyingMs: 20 },
      seed: { entities: [{ type: 'SaaSProduct@1.0', identifier: 'prod-1' }] },
    });
    provider = AwsMarketplaceProvider.fromOptions({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      watchIntervalMs: 20,
    });
  });
  afterEach(async () => {
    await provider.dispose();
    await emulator.close();
  });

  const settle = async (...changes: MarketplaceChange[]) => {
    const handle = (await provider.create({ changes }))._unsafeUnwrap();
    const started = (await provider.start(handle))._unsafeUnwrap();
    return (await provider.waitUntilSettled(started, wait))._unsafeUnwrap();
  };

  describe('having changes the catalog refuses (CLIENT_ERROR)', () => {
    it('should give a validation error with each change error code and message as an issue', async () => {
      const settled = await settle(update('prod-1', { ProductTitle: 42 }), update('prod-missing'));

      expect(settled).toMatchObject({ status: 'failed', failureCode: 'CLIENT_ERROR' });
      expect(isChangeSetError(settled.failure)).toBe(true);
      expect(settled.failure).toMatchObject({
        kind: 'validation',
        provider: 'aws-marketplace',
        code: 'CLIENT_ERROR',
        changeSetId: settled.ref.changeSetId,
        retryable: false,
        issues: [
          { path: 'changes[0]', rule: 'INVALID_INPUT', message: expect.stringContaining('ProductTitle') },
          { path: 'changes[1]', rule: 'ENTITY_NOT_FOUND', message: expect.stringContaining('prod-missing') },
        ],
      });
      expect(settled.failure?.message).toContain('INVALID_INPUT');
      expect(JSON.stringify(settled.failure)).not.toContain(emulator.credentials.secretAccessKey);
      // The same through describe, for a bot that resumes from a stored ref.
      expect((await provider.describe(settled.ref))._unsafeUnwrap().failure).toMatchObject({ kind: 'validation' });
    });
  });

  describe('having a service fault in APPLYING (SERVER_FAULT)', () => {
    it('should give a retryable provider-fault naming the change error code', async () => {
      emulator.control.failNext({
        entity: 'prod-1',
        code: 'INTERNAL_FAILURE',
        message: 'the catalog is down',
        phase: 'applying',
      });

      const settled = await settle(update('prod-1'));

      expect(settled.failure).toMatchObject({ kind: 'provider-fault', code: 'SERVER_FAULT', retryable: true });
      expect(settled.failure?.message).toContain('INTERNAL_FAILURE: the catalog is down');
    });
  });

  describe('having a failure tied to no change', () => {
    it('should carry the FailureDescription as the issue of the change set', async () => {
      emulator.control.failNext({ code: 'ACCOUNT_SUSPENDED', message: 'seller account on hold' });

      const settled = await settle(update('prod-1'));

      expect(settled.failure).toMatchObject({
        kind: 'validation',
        issues: [{ path: 'changeSet', rule: 'CLIENT_ERROR', message: 'ACCOUNT_SUSPENDED: seller account on hold' }],
      });
    });
  });

  describe('having a change set that succeeds', () => {
    it('should carry no failure', async () => {
      expect((await settle(update('prod-1'))).failure).toBeUndefined();
    });
  });
});
