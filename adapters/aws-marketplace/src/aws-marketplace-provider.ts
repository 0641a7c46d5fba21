import 'reflect-metadata';
import {
  CancelChangeSetCommand,
  type ChangeSetSummaryListItem,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  MarketplaceCatalogClient,
  StartChangeSetCommand,
  type StartChangeSetCommandInput,
} from '@aws-sdk/client-marketplace-catalog';
import {
  acquireEntityLocks,
  type CallOptions,
  type ChangeSetError,
  type ChangeSetHandle,
  type ChangeSetProvider,
  type ChangeSetRef,
  type ChangeSetState,
  type CreateOptions,
  createChangeSetError,
  createValidationError,
  type EntityLease,
  type EntityLockStore,
  EntityLockStoreToken,
  entityLockKey,
  generateClientToken,
  InMemoryEntityLockStore,
  isSettledStatus,
  RequestPacer,
  registerSecret,
  registerSecretPattern,
  releaseEntityLocks,
  reviseChangeSetError,
  type StartedChangeSet,
  type StartOptions,
  type ValidationError,
  type WaitOptions,
  waitUntilSettled,
  withClientToken,
  withRetry,
} from '@changeplane/core';
import { inject, injectable, optional } from 'inversify';
import { errAsync, okAsync, type Result, ResultAsync } from 'neverthrow';
import {
  type AwsMarketplaceProviderOptions,
  AwsMarketplaceProviderOptionsToken,
} from './aws-marketplace-provider-options.js';
import { awsSecretPatterns } from './aws-secret-patterns.js';
import { ChangeSetSettleWatcher } from './change-set-settle-watcher.js';
import { mapMarketplaceError } from './map-marketplace-error.js';
import type { MarketplaceChangeSetRequest } from './marketplace-change-set-request.js';
import { marketplaceChangeSetState } from './marketplace-change-set-state.js';
import { lockedEntitiesOf, toStartChangeSetInput } from './to-start-change-set-input.js';
import { validateMarketplaceRequest } from './validate-marketplace-request.js';

const providerId = 'aws-marketplace';

/** The leases of one started change set, held until it settles. */
interface HeldLeases {
  leases: EntityLease[];
  readonly started: StartedChangeSet;
  readonly since: number;
  stopListening: () => void;
}

/**
 * AWS Marketplace Catalog change sets through the changeplane contract. `create` checks every rule
 * locally and the entity locks (optionally a server-side `Intent: VALIDATE` dry run); `start` takes the
 * entity locks (all or none), then StartChangeSet with `Intent: APPLY` and one ClientRequestToken reused
 * on every retry. Locks are held until the change set settles.
 */
@injectable()
export class AwsMarketplaceProvider implements ChangeSetProvider<MarketplaceChangeSetRequest> {
  readonly id = providerId;
  readonly #client: MarketplaceCatalogClient;
  readonly #options: AwsMarketplaceProviderOptions;
  readonly #locks: EntityLockStore;
  readonly #region: string;
  readonly #account: string;
  readonly #describePacer: RequestPacer;
  readonly #settleWatchers = new Map<string, ChangeSetSettleWatcher>();
  /** Leases held for started change sets, by change-set id, with the watcher that releases them. */
  readonly #held = new Map<string, HeldLeases>();
  #keeper: ReturnType<typeof setInterval> | undefined;
  #keeping = false;
  /** Change-set ids by the start token that holds their locks, so a lock is reported by the id people see. */
  readonly #changeSetOfToken = new Map<string, string>();

  constructor(
    @inject(AwsMarketplaceProviderOptionsToken) options: AwsMarketplaceProviderOptions,
    @inject(EntityLockStoreToken) @optional() lockStore?: EntityLockStore,
  ) {
    this.#options = options;
    registerSecret(options.credentials?.secretAccessKey);
    registerSecret(options.credentials?.sessionToken);
    for (const pattern of awsSecretPatterns) registerSecretPattern(pattern);
    this.#client =
      options.client ??
      new MarketplaceCatalogClient({
        ...(options.region ? { region: options.region } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
        // Retries are ours (core withRetry, same token every time); one SDK attempt per retry keeps them countable.
        maxAttempts: 1,
      });
    this.#locks = options.lockStore ?? lockStore ?? new InMemoryEntityLockStore();
    this.#region = options.region ?? 'us-east-1';
    this.#account = options.account ?? 'default';
    this.#describePacer = new RequestPacer(options.describeRatePerSecond ?? 10);
  }

  /** A provider with its own client, built from plain options. */
  static fromOptions(options: AwsMarketplaceProviderOptions): AwsMarketplaceProvider {
    return new AwsMarketplaceProvider(options);
  }

  /** Any input (typed or not) into the checked copy of the request; never throws. */
  validate(input: unknown): Result<MarketplaceChangeSetRequest, ValidationError> {
    return validateMarketplaceRequest(input);
  }

  create(
    given: MarketplaceChangeSetRequest,
    options: CreateOptions = {},
  ): ResultAsync<ChangeSetHandle, ChangeSetError> {
    const validated = this.validate(given);
    if (validated.isErr()) return errAsync(validated.error);
    // From here on only the checked copy is used: nothing of the caller's input is read again.
    const request = validated.value;
    const startToken = options.startToken ?? request.clientToken ?? generateClientToken();
    const payload = toStartChangeSetInput(request);
    const input = payload as unknown as StartChangeSetCommandInput;
    const entities = lockedEntitiesOf(input);
    const handle: ChangeSetHandle = {
      provider: providerId,
      region: this.#region,
      account: this.#account,
      scope: { catalog: input.Catalog ?? 'AWSMarketplace' },
      outcome: 'ready',
      entities,
      changes: request.changes.map((change) => ({
        action: change.changeType,
        target: `${change.entity.type}/${change.entity.identifier ?? change.changeName ?? '(new)'}`,
      })),
      startToken,
      payload,
      createdAt: new Date().toISOString(),
    };
    const checkLocks = ResultAsync.fromSafePromise(
      Promise.all(entities.map((entity) => this.#locks.current(this.#lockKey(entity)))),
    ).andThen((leases) => {
      const held = leases.find((lease) => lease !== undefined && lease.holder !== startToken);
      if (!held) return okAsync(handle);
      const entity = entities[leases.indexOf(held)]!;
      return errAsync(
        createChangeSetError('locked', {
          provider: providerId,
          operation: 'create',
          message: `entity ${entity} is locked by ${this.#holderName(held.holder)}, which has not settled`,
          code: 'EntityLocked',
          entities: [entity],
          heldBy: this.#changeSetOfToken.get(held.holder) ?? held.holder,
        }),
      );
    });
    return options.validateOnServer
      ? checkLocks.andThen((ready) => this.#validateOnServer(ready, options))
      : checkLocks;
  }

  start(handle: ChangeSetHandle, options: StartOptions = {}): ResultAsync<StartedChangeSet, ChangeSetError> {
    if (handle.provider !== providerId || handle.payload === undefined) {
      return errAsync(
        createValidationError(providerId, 'start', [
          { path: 'handle', rule: 'provider', message: 'not a handle made by this provider' },
        ]),
      );
    }
    const input = handle.payload as unknown as StartChangeSetCommandInput;
    const entities = lockedEntitiesOf(input);
    const holder = handle.startToken;
    const keys = entities.map((entity) => this.#lockKey(entity));

    return ResultAsync.fromSafePromise(Promise.all(keys.map((key) => this.#locks.current(key))))
      .andThen((current) => {
        // Locks this handle already holds (a repeated start) are not taken twice.
        const mine = current.filter((lease): lease is EntityLease => lease?.holder === holder);
        const wanted = keys.filter((_, index) => current[index]?.holder !== holder);
        return acquireEntityLocks(this.#locks, wanted, {
          provider: providerId,
          operation: 'start',
          holder,
          ttlMs: this.#lockTtl(),
          ...(options.lockWait ? { maxWaitMs: options.lockWait.maxWaitMs } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        })
          .map((taken) => [...mine, ...taken])
          .mapErr((error) => this.#nameHolder(error));
      })
      .andThen((leases) =>
        withRetry(
          () =>
            // Fencing: every attempt first checks in the store that the leases are still current, so a process
            // whose lease lapsed (paused past its TTL, then resumed) never starts under a stale lease.
            this.#checkLeases(leases, entities).andThen(() =>
              ResultAsync.fromPromise(
                this.#client.send(
                  new StartChangeSetCommand({ ...input, ClientRequestToken: handle.startToken, Intent: 'APPLY' }),
                  options.signal ? { abortSignal: options.signal } : {},
                ),
                (error) => mapMarketplaceError(error, { operation: 'StartChangeSet', entities }),
              ),
            ),
          {
            provider: providerId,
            operation: 'start',
            policy: { ...this.#options.retry, ...options.retry },
            ...(options.signal ? { signal: options.signal } : {}),
          },
        )
          .map((output): StartedChangeSet => {
            const started: StartedChangeSet = {
              provider: providerId,
              changeSetId: output.ChangeSetId ?? '',
              region: this.#region,
              account: this.#account,
              scope: { catalog: input.Catalog ?? 'AWSMarketplace', changeSetArn: output.ChangeSetArn ?? '' },
              startedAt: new Date().toISOString(),
              startToken: handle.startToken,
              entities,
            };
            this.#changeSetOfToken.set(handle.startToken, started.changeSetId);
            this.#hold(started, leases);
            return started;
          })
          .orElse((error) => {
            void releaseEntityLocks(this.#locks, leases);
            return errAsync(withClientToken(error, handle.startToken));
          }),
      );
  }

  /** DescribeChangeSet, as the neutral state. */
  describe(ref: ChangeSetRef, options: CallOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    return this.#describeRaw(ref, options, 'describe').map((output) => marketplaceChangeSetState(ref, output));
  }

  cancel(ref: ChangeSetRef, options: CallOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    const catalog = ref.scope.catalog ?? 'AWSMarketplace';
    return withRetry(
      () =>
        ResultAsync.fromPromise(
          this.#client.send(new CancelChangeSetCommand({ Catalog: catalog, ChangeSetId: ref.changeSetId })),
          (error) => mapMarketplaceError(error, { operation: 'cancel' }),
        ),
      { provider: providerId, operation: 'cancel', policy: { ...this.#options.retry, ...options.retry } },
    )
      .orElse((error) =>
        errAsync<never, ChangeSetError>(
          error.code === 'ResourceInUseException'
            ? createChangeSetError('conflict', {
                provider: providerId,
                operation: 'cancel',
                code: error.code,
                httpStatus: error.httpStatus,
                requestId: error.requestId,
                cause: error.cause,
                message: `change set ${ref.changeSetId} can no longer be cancelled: it is past PREPARING (${error.message})`,
              })
            : error,
        ),
      )
      .andThen(() => this.describe(ref, options))
      .map((state) => {
        if (isSettledStatus(state.status)) void this.#release(ref.changeSetId);
        return state;
      });
  }

  waitUntilSettled(ref: ChangeSetRef, options: WaitOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    const watcher = this.#settleWatcher(ref.scope.catalog ?? 'AWSMarketplace');
    // The watcher brings the news within its interval; a describe of its own now and then is only a safety
    // net (for a listing that failed), so it need not follow a short poll delay and crowd DescribeChangeSet.
    const safetyNetMs = Math.max(options.maxDelayMs ?? this.#options.waiter?.maxDelayMs ?? 10_000, 5_000);
    const deadline = Date.now() + (options.maxWaitMs ?? this.#options.waiter?.maxWaitMs ?? 30 * 60_000);
    let first = true;
    /** The last description, while running: its change list is the settled one's (only Status and EndTime move). */
    let running: DescribeChangeSetCommandOutput | undefined;
    const describe = () =>
      this.#describeRaw(ref, { retry: { maxAttempts: 1 } }, 'describe').map((output) => {
        running = output;
        return marketplaceChangeSetState(ref, output);
      });
    // Describe at once, then each time the shared watcher hears the change set settled (or the safety net
    // passes). One attempt per poll: the waiter itself treats a throttled or failed poll as "still running".
    // A SUCCEEDED listing plus the running description is exactly what a describe would answer now, so no
    // DescribeChangeSet follows the news, as long as both name the same entities (a create's identifier the
    // service gave only on success would differ: that one is described). FAILED and CANCELLED are described
    // for their reasons, which the listing lacks.
    const fromListing = (summary: ChangeSetSummaryListItem | undefined): ChangeSetState | undefined => {
      if (summary?.Status !== 'SUCCEEDED' || !summary.EndTime || !running) return undefined;
      const described = new Set((running.ChangeSet ?? []).map((change) => change.Entity?.Identifier ?? ''));
      const listed = summary.EntityIdList ?? [];
      if (described.has('') || listed.length !== described.size || !listed.every((id) => described.has(id))) {
        return undefined;
      }
      return marketplaceChangeSetState(ref, { ...running, Status: summary.Status, EndTime: summary.EndTime });
    };
    const poll = () => {
      const waitMs = Math.max(0, Math.min(safetyNetMs, deadline - Date.now()));
      const heard = first
        ? Promise.resolve(undefined)
        : watcher.settledOrAfter(ref.changeSetId, waitMs, options.signal);
      first = false;
      return ResultAsync.fromSafePromise(heard).andThen((summary) => {
        const settled = fromListing(summary);
        return settled ? okAsync(settled) : describe();
      });
    };
    return waitUntilSettled(
      poll,
      providerId,
      { ...this.#options.waiter },
      { ...options, minDelayMs: 1, maxDelayMs: 1 },
    ).map((state) => {
      void this.#release(ref.changeSetId);
      return state;
    });
  }

  /** `change set <id>` for a holder this provider started, else what is known of it. */
  #holderName(holder: string): string {
    const changeSetId = this.#changeSetOfToken.get(holder);
    return changeSetId ? `change set ${changeSetId}` : `a change set being started (start token ${holder})`;
  }

  /** A lock error from core names the raw holder (a start token): name its change set instead. */
  #nameHolder(error: ChangeSetError): ChangeSetError {
    if (error.kind !== 'locked' || !error.heldBy) return error;
    const name = this.#holderName(error.heldBy);
    return reviseChangeSetError(error, {
      heldBy: this.#changeSetOfToken.get(error.heldBy) ?? error.heldBy,
      message: error.message.replace(`locked by ${error.heldBy}`, `locked by ${name}`),
    });
  }

  /** Stops every lock watcher and releases the locks this provider holds (for shutdown). */
  async dispose(): Promise<void> {
    clearInterval(this.#keeper);
    this.#keeper = undefined;
    await Promise.all([...this.#held.keys()].map((id) => this.#release(id)));
  }

  #describeRaw(
    ref: ChangeSetRef,
    options: CallOptions,
    operation: string,
  ): ResultAsync<DescribeChangeSetCommandOutput, ChangeSetError> {
    const catalog = ref.scope.catalog ?? 'AWSMarketplace';
    return withRetry(
      () =>
        ResultAsync.fromPromise(
          this.#describePacer
            .turn(options.signal)
            .then(() =>
              this.#client.send(
                new DescribeChangeSetCommand({ Catalog: catalog, ChangeSetId: ref.changeSetId }),
                options.signal ? { abortSignal: options.signal } : {},
              ),
            ),
          (error) => mapMarketplaceError(error, { operation }),
        ),
      {
        provider: providerId,
        operation,
        policy: { ...this.#options.retry, ...options.retry },
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
  }

  #validateOnServer(handle: ChangeSetHandle, options: CreateOptions): ResultAsync<ChangeSetHandle, ChangeSetError> {
    const input = handle.payload as unknown as StartChangeSetCommandInput;
    const token = generateClientToken();
    return withRetry(
      () =>
        ResultAsync.fromPromise(
          this.#client.send(new StartChangeSetCommand({ ...input, ClientRequestToken: token, Intent: 'VALIDATE' })),
          (error) => mapMarketplaceError(error, { operation: 'validate' }),
        ),
      { provider: providerId, operation: 'validate', policy: this.#options.retry ?? {} },
    )
      .andThen((output) =>
        this.waitUntilSettled(
          { provider: providerId, changeSetId: output.ChangeSetId ?? '', region: this.#region, scope: handle.scope },
          { minDelayMs: 100, maxDelayMs: 2_000, ...options.wait },
        ),
      )
      .andThen((state) =>
        state.status === 'succeeded'
          ? okAsync(handle)
          : errAsync(
              createValidationError(providerId, 'validate', [
                {
                  path: 'changes',
                  rule: 'service',
                  message: state.reason ?? `server-side validation ended ${state.rawStatus}`,
                },
              ]),
            ),
      );
  }

  #settleWatcher(catalog: string): ChangeSetSettleWatcher {
    let watcher = this.#settleWatchers.get(catalog);
    if (!watcher) {
      // ListChangeSets allows 5/s per account; the watcher keeps within it (paced) at one call per 200 ms. While
      // one change set alone is waited for, it also describes it once an interval through the describe pacer
      // (5 of DescribeChangeSet's 10/s at the default interval; never beyond the pacer's rate).
      watcher = new ChangeSetSettleWatcher(
        this.#client,
        catalog,
        this.#options.settleWatchIntervalMs ?? 200,
        5,
        this.#describePacer,
      );
      this.#settleWatchers.set(catalog, watcher);
    }
    return watcher;
  }

  /** `locked` (code `LeaseLost`) unless every lease is still the current one in the store. */
  #checkLeases(leases: readonly EntityLease[], entities: readonly string[]): ResultAsync<void, ChangeSetError> {
    return ResultAsync.fromSafePromise(
      Promise.all(leases.map((lease) => this.#locks.isCurrent(lease).catch(() => false))),
    ).andThen((current) => {
      const lost = leases.filter((_, index) => !current[index]);
      if (lost.length === 0) return okAsync(undefined);
      return errAsync(
        createChangeSetError('locked', {
          provider: providerId,
          operation: 'start',
          code: 'LeaseLost',
          message: `the lease on ${lost.map((lease) => lease.key).join(', ')} expired or was taken over before StartChangeSet: nothing was started`,
          entities:
            lost.length > 0
              ? lost.map((lease) => entities.find((entity) => lease.key.endsWith(`:${entity}`)) ?? lease.key)
              : [],
        }),
      );
    });
  }

  #lockKey(entity: string): string {
    return entityLockKey({ provider: providerId, account: this.#account, region: this.#region, entity });
  }

  #lockTtl(): number {
    return this.#options.lockTtlMs ?? 15 * 60_000;
  }

  /**
   * Keeps the leases of a started change set until it settles, then releases them. It listens to the shared
   * settle watcher (no DescribeChangeSet per held change set, no timer per change set); one keeper timer
   * renews every held lease each `watchIntervalMs` and describes, as a safety net for a listing that failed,
   * the change sets held longer than that.
   */
  #hold(started: StartedChangeSet, leases: EntityLease[]): void {
    if (leases.length === 0) return;
    const entry: HeldLeases = { leases, started, since: Date.now(), stopListening: () => {} };
    this.#held.set(started.changeSetId, entry);
    entry.stopListening = this.#settleWatcher(started.scope.catalog ?? 'AWSMarketplace').listen(
      started.changeSetId,
      () => void this.#release(started.changeSetId),
    );
    if (!this.#keeper) {
      this.#keeper = setInterval(() => void this.#keepLeases(), this.#options.watchIntervalMs ?? 30_000);
      this.#keeper.unref?.();
    }
  }

  async #keepLeases(): Promise<void> {
    if (this.#keeping) return;
    if (this.#held.size === 0) {
      clearInterval(this.#keeper);
      this.#keeper = undefined;
      return;
    }
    this.#keeping = true;
    try {
      const quietSince = Date.now() - (this.#options.watchIntervalMs ?? 30_000);
      for (const [changeSetId, entry] of [...this.#held]) {
        if (entry.since > quietSince || this.#held.get(changeSetId) !== entry) continue;
        const state = await this.#describeRaw(entry.started, { retry: { maxAttempts: 1 } }, 'watch');
        const status = state.isOk() ? marketplaceChangeSetState(entry.started, state.value).status : undefined;
        if (status && isSettledStatus(status)) {
          await this.#release(changeSetId);
          continue;
        }
        entry.leases = await Promise.all(
          entry.leases.map(async (lease) => (await this.#locks.renew(lease, this.#lockTtl())).unwrapOr(lease)),
        );
      }
    } finally {
      this.#keeping = false;
    }
  }

  async #release(changeSetId: string): Promise<void> {
    const entry = this.#held.get(changeSetId);
    if (!entry) return;
    this.#held.delete(changeSetId);
    entry.stopListening();
    for (const lease of entry.leases) this.#changeSetOfToken.delete(lease.holder);
    await releaseEntityLocks(this.#locks, entry.leases);
  }
}
