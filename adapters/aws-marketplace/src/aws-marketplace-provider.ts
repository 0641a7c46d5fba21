import 'reflect-metadata';
import { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import {
  type CallOptions,
  type ChangeSetError,
  type ChangeSetHandle,
  type ChangeSetProvider,
  type ChangeSetRef,
  type ChangeSetState,
  type CreateOptions,
  type EntityLockStore,
  EntityLockStoreToken,
  InMemoryEntityLockStore,
  type StartedChangeSet,
  type StartOptions,
  type ValidationError,
  type WaitOptions,
} from '@changeplane/core';
import { createValidationError, RequestPacer } from '@changeplane/core/adapter';
import { inject, injectable, optional } from 'inversify';
import { errAsync, type Result, ResultAsync } from 'neverthrow';
import { awsSecretRedactor } from './_internals/aws-secret-redactor.js';
import { changeSetFingerprint } from './_internals/change-set-fingerprint.js';
import { lockTtlOf } from './_internals/entity-locks.js';
import { HeldLeases } from './_internals/held-leases.js';
import { marketplaceProviderId } from './_internals/marketplace-provider-id.js';
import type { MarketplaceSession } from './_internals/marketplace-session.js';
import { adoptChangeSet } from './_internals/operations/adopt-change-set.js';
import { cancelChangeSet } from './_internals/operations/cancel-change-set.js';
import { createChangeSet } from './_internals/operations/create-change-set.js';
import { describeChangeSet, describeChangeSetOutput } from './_internals/operations/describe-change-set.js';
import { startChangeSet } from './_internals/operations/start-change-set.js';
import { waitUntilChangeSetSettled } from './_internals/operations/wait-until-settled.js';
import { SettleWatchers } from './_internals/settle-watchers.js';
import { decodeStartChangeSetPayload } from './_internals/start-change-set-payload.js';
import { validateMarketplaceRequest } from './_internals/validate-marketplace-request.js';
import {
  type AwsMarketplaceProviderOptions,
  AwsMarketplaceProviderOptionsToken,
} from './aws-marketplace-provider-options.js';
import type { CheckedMarketplaceRequest, MarketplaceChangeSetRequest } from './marketplace-change-set-request.js';

/**
 * AWS Marketplace Catalog change sets through the changeplane contract. `create` checks every rule
 * locally and the entity locks (optionally a server-side `Intent: VALIDATE` dry run); `start` takes the
 * entity locks (all or none), then StartChangeSet with `Intent: APPLY` and one ClientRequestToken reused
 * on every retry. Locks are held until the change set settles. Each operation lives in `operations/`; every
 * call goes through `callMarketplace`.
 */
@injectable()
export class AwsMarketplaceProvider implements ChangeSetProvider<MarketplaceChangeSetRequest> {
  readonly id = marketplaceProviderId;
  readonly #session: MarketplaceSession;

  constructor(
    @inject(AwsMarketplaceProviderOptionsToken) options: AwsMarketplaceProviderOptions,
    @inject(EntityLockStoreToken) @optional() lockStore?: EntityLockStore,
  ) {
    const client =
      options.client ??
      new MarketplaceCatalogClient({
        ...(options.region ? { region: options.region } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
        // Retries are ours (core retryAttempts, same token every time); one SDK attempt per retry keeps them countable.
        maxAttempts: 1,
      });
    // Errors are masked where they are made, with this instance's own credentials (no process-wide set).
    const redactor = options.redactor ?? awsSecretRedactor(options.credentials, client);
    const locks = options.lockStore ?? lockStore ?? new InMemoryEntityLockStore();
    const describePacer = new RequestPacer(options.describeRatePerSecond ?? 10);
    const watchers = new SettleWatchers(client, options, describePacer);
    const settleWatcher = (catalog: string) => watchers.settleWatcher(catalog);
    const held = new HeldLeases({
      locks,
      lockTtlMs: lockTtlOf({ options }),
      watchIntervalMs: options.watchIntervalMs ?? 30_000,
      settleWatcher,
      describe: (ref) =>
        describeChangeSetOutput(
          { client, options, describePacer, redactor },
          ref,
          { retry: { maxAttempts: 1 } },
          'watch',
        ),
    });
    this.#session = {
      client,
      options,
      redactor,
      locks,
      region: options.region ?? 'us-east-1',
      account: options.account ?? 'default',
      describePacer,
      settleWatcher,
      held,
    };
  }

  /** A provider with its own client, built from plain options. */
  static fromOptions(options: AwsMarketplaceProviderOptions): AwsMarketplaceProvider {
    return new AwsMarketplaceProvider(options);
  }

  /** Any input (typed or not) into the checked copy of the request; never throws. */
  validate(input: unknown): Result<CheckedMarketplaceRequest, ValidationError> {
    return validateMarketplaceRequest(input);
  }

  /** validate -> entity locks free -> (Intent: VALIDATE when asked) -> the handle. */
  create(
    given: MarketplaceChangeSetRequest,
    options: CreateOptions = {},
  ): ResultAsync<ChangeSetHandle, ChangeSetError> {
    const validated = this.validate(given);
    if (validated.isErr()) return errAsync(validated.error);
    // From here on only the checked copy is used: nothing of the caller's input is read again.
    return new ResultAsync(createChangeSet(this.#session, validated.value, options));
  }

  /** the handle's input -> entity locks -> StartChangeSet (fenced, one token) -> the started change set. */
  start(handle: ChangeSetHandle, options: StartOptions = {}): ResultAsync<StartedChangeSet, ChangeSetError> {
    if (handle.provider !== marketplaceProviderId || handle.payload === undefined) {
      return errAsync(
        createValidationError(marketplaceProviderId, 'start', [
          { path: 'handle', rule: 'provider', message: 'not a handle made by this provider' },
        ]),
      );
    }
    const input = decodeStartChangeSetPayload(handle.payload, 'start');
    if (input.isErr()) return errAsync(input.error);
    return new ResultAsync(startChangeSet(this.#session, handle, input.value, options));
  }

  /** DescribeChangeSet, as the neutral state. */
  describe(ref: ChangeSetRef, options: CallOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    return new ResultAsync(describeChangeSet(this.#session, ref, options));
  }

  cancel(ref: ChangeSetRef, options: CallOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    return new ResultAsync(cancelChangeSet(this.#session, ref, options));
  }

  /**
   * A change set an earlier process started, adopted by a resumed run: its entity leases taken back under the
   * same start token and held until it settles, so they do not block the next change set until their TTL.
   */
  adopt(started: StartedChangeSet, options: CallOptions = {}): ResultAsync<void, ChangeSetError> {
    return new ResultAsync(adoptChangeSet(this.#session, started, options));
  }

  /** What the handle would do, apart from its name and tokens: equal for the same changes on every run. */
  fingerprint(handle: ChangeSetHandle): string | undefined {
    return changeSetFingerprint(handle);
  }

  waitUntilSettled(ref: ChangeSetRef, options: WaitOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    return waitUntilChangeSetSettled(this.#session, ref, options);
  }

  /** Stops every lock watcher and releases the locks this provider holds (for shutdown). */
  async dispose(): Promise<void> {
    await this.#session.held.dispose();
  }
}
