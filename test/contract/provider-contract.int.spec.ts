import { type ChangeSetError, type ChangeSetHandle, type ChangeSetRef, isChangeSetError } from '@changeplane/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeQueueFixture } from './fake-provider/fake-queue.fixture.js';
import { alibabaRosFixture } from './fixtures/alibaba-ros.fixture.js';
import { awsMarketplaceFixture } from './fixtures/aws-marketplace.fixture.js';
import type { ProviderFixture, ProviderFixtureContext } from './provider-fixture.js';

// One suite, every adapter: what the core contract promises, checked against each adapter on its emulator,
// and against a third provider written outside packages/ and adapters/ (fake-provider/).
const fixtures: ProviderFixture[] = [
  alibabaRosFixture as ProviderFixture,
  awsMarketplaceFixture as ProviderFixture,
  fakeQueueFixture as ProviderFixture,
];

const wait = { minDelayMs: 20, maxDelayMs: 100, maxWaitMs: 15_000 };

function expectSafeError(error: ChangeSetError, secrets: readonly string[]) {
  expect(isChangeSetError(error)).toBe(true);
  const json = JSON.stringify(error);
  for (const secret of secrets) expect(json).not.toContain(secret);
  const parsed = JSON.parse(json) as Record<string, unknown>;
  expect(parsed).toMatchObject({ kind: error.kind, provider: error.provider, retryable: error.retryable });
}

describe.each(fixtures)('ChangeSetProvider contract: $name', (fixture) => {
  let context: ProviderFixtureContext<unknown>;

  beforeEach(async () => {
    context = await fixture.setUp();
  });
  afterEach(async () => {
    await context.tearDown();
  });

  describe('having a valid request', () => {
    describe('when created, started and waited for', () => {
      it('should reach succeeded, with the raw status beside it', async () => {
        const handle = (await context.provider.create(await context.validRequest(), { wait }))._unsafeUnwrap();
        expect(handle.provider).toBe(context.provider.id);
        expect(handle.outcome).toBe('ready');
        const started = (await context.provider.start(handle))._unsafeUnwrap();
        expect(started.changeSetId).toBeTruthy();
        const settled = (await context.provider.waitUntilSettled(started, wait))._unsafeUnwrap();
        expect(settled.status).toBe('succeeded');
        expect(settled.rawStatus).toBeTruthy();
      });
    });

    describe('when the handle and ref go through JSON and a fresh provider', () => {
      it('should start, describe and wait from the copies', async () => {
        const handle = (await context.provider.create(await context.validRequest(), { wait }))._unsafeUnwrap();
        const storedHandle = JSON.parse(JSON.stringify(handle)) as ChangeSetHandle;
        expect(storedHandle).toEqual(handle);
        const restarted = context.freshProvider();
        const started = (await restarted.start(storedHandle))._unsafeUnwrap();
        const storedRef = JSON.parse(JSON.stringify(started)) as ChangeSetRef;
        const another = context.freshProvider();
        const described = (await another.describe(storedRef))._unsafeUnwrap();
        expect(described.ref.changeSetId).toBe(started.changeSetId);
        expect(['running', 'succeeded']).toContain(described.status);
        const settled = (await another.waitUntilSettled(storedRef, wait))._unsafeUnwrap();
        expect(settled.status).toBe('succeeded');
      });
    });

    describe('when started twice with the same handle', () => {
      it('should start one change set, not two', async () => {
        const handle = (await context.provider.create(await context.validRequest(), { wait }))._unsafeUnwrap();
        const first = (await context.provider.start(handle))._unsafeUnwrap();
        const second = await context.freshProvider().start(handle);
        // Either the provider answers with the same change set (idempotent token) or refuses the repeat.
        if (second.isOk()) expect(second.value.changeSetId).toBe(first.changeSetId);
        else expect(['conflict', 'locked']).toContain(second.error.kind);
        expect((await context.provider.waitUntilSettled(first, wait))._unsafeUnwrap().status).toBe('succeeded');
      });
    });
  });

  describe('having a running change set', () => {
    describe('when cancelled', () => {
      it('should settle as cancelled', async () => {
        const handle = (await context.provider.create(await context.cancellableRequest(), { wait }))._unsafeUnwrap();
        const started = (await context.provider.start(handle))._unsafeUnwrap();
        const cancelled = await context.provider.cancel(started);
        expect(cancelled.isOk()).toBe(true);
        const settled = (await context.provider.waitUntilSettled(started, wait))._unsafeUnwrap();
        expect(settled.status).toBe('cancelled');
      });
    });
  });

  describe('having failures', () => {
    describe('when the request breaks local rules', () => {
      it('should return one validation error listing every problem, before any network call', async () => {
        const validated = context.provider.validate(context.invalidRequest());
        const error = validated._unsafeUnwrapErr();
        expect(error.issues.length).toBeGreaterThanOrEqual(2);
        const created = await context.provider.create(context.invalidRequest());
        expect(created._unsafeUnwrapErr().kind).toBe('validation');
        expectSafeError(created._unsafeUnwrapErr(), context.secrets);
      });
    });

    describe('when the credentials are wrong', () => {
      it('should return authentication, without any secret in its JSON', async () => {
        // Marketplace's create is local (rules and locks), so the service first sees the key at start.
        const wrong = context.providerWithWrongSecret();
        const result = await wrong
          .create(await context.validRequest(), { wait })
          .andThen((handle) => wrong.start(handle));
        const error = result._unsafeUnwrapErr();
        expect(error.kind).toBe('authentication');
        expectSafeError(error, context.secrets);
      });
    });

    describe('when the change set does not exist', () => {
      it('should return not-found', async () => {
        const handle = (await context.provider.create(await context.validRequest(), { wait }))._unsafeUnwrap();
        const started = (await context.provider.start(handle))._unsafeUnwrap();
        const missing: ChangeSetRef = { ...started, changeSetId: `${started.changeSetId.slice(0, -4)}zzzz` };
        const error = (await context.provider.describe(missing))._unsafeUnwrapErr();
        expect(error.kind).toBe('not-found');
        expectSafeError(error, context.secrets);
        await context.provider.waitUntilSettled(started, wait);
      });
    });

    describe('when aborted', () => {
      it('should return aborted', async () => {
        const handle = (await context.provider.create(await context.validRequest(), { wait }))._unsafeUnwrap();
        const started = (await context.provider.start(handle))._unsafeUnwrap();
        const controller = new AbortController();
        controller.abort();
        const error = (
          await context.provider.waitUntilSettled(started, { ...wait, signal: controller.signal })
        )._unsafeUnwrapErr();
        expect(error.kind).toBe('aborted');
        expectSafeError(error, context.secrets);
        await context.provider.waitUntilSettled(started, wait);
      });
    });
  });
});
