import 'reflect-metadata';
import Credential from '@alicloud/credentials';
import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import type {
  CallOptions,
  ChangeSetError,
  ChangeSetHandle,
  ChangeSetProvider,
  ChangeSetRef,
  ChangeSetState,
  CreateOptions,
  StartedChangeSet,
  StartOptions,
  ValidationError,
  WaitOptions,
} from '@changeplane/core';
import {
  type CheckedRequest,
  createChangeSetError,
  generateClientToken,
  retryAttempts,
  type SecretRedactor,
  waitFor,
  waitUntilSettled,
  withClientToken,
} from '@changeplane/core/adapter';
import { inject, injectable } from 'inversify';
import { err, errAsync, ok, okAsync, type Result, ResultAsync } from 'neverthrow';
import { mapRosError } from './_internals/map-ros-error.js';
import { type RosChangeSetBody, rosChangeSetState, rosPlannedChanges } from './_internals/ros-change-set-state.js';
import { rosSecretRedactor } from './_internals/ros-secret-redactor.js';
import { toCreateChangeSetRequest } from './_internals/to-create-change-set-request.js';
import { checkRosRequest, validateRosRequest } from './_internals/validate-ros-request.js';
import type { RosChangeSetRequest } from './ros-change-set-request.js';
import { type RosProviderOptions, RosProviderOptionsToken } from './ros-provider-options.js';

const providerId = 'alibaba-ros';

/** GetChangeSet's body, as the adapter reads it. */
const changeSetBody = (response: $Ros.GetChangeSetResponse) => (response.body ?? {}) as RosChangeSetBody;

/**
 * Alibaba Cloud ROS change sets through the changeplane contract: `create` is CreateChangeSet and a wait
 * until the change set is ready (or has no changes, or failed); `start` is ExecuteChangeSet. Every call
 * carries a ClientToken reused on every retry, so a retry never makes a second change set or execution.
 */
@injectable()
export class RosProvider implements ChangeSetProvider<RosChangeSetRequest> {
  readonly id = providerId;
  readonly #client: ROS.default;
  readonly #options: RosProviderOptions;
  readonly #regionId: string;
  readonly #redactor: SecretRedactor;

  constructor(@inject(RosProviderOptionsToken) options: RosProviderOptions) {
    this.#options = options;
    this.#regionId = options.regionId ?? 'cn-hangzhou';
    this.#client = options.client ?? new ROS.default(this.#config(options));
    this.#redactor = options.redactor ?? rosSecretRedactor(options.credentials, this.#client);
  }

  /** A provider with its own client, built from plain options. */
  static fromOptions(options: RosProviderOptions): RosProvider {
    return new RosProvider(options);
  }

  /** Any input (typed or not) into the request as it will be sent (ignored parameters left out); never throws. */
  validate(input: unknown): Result<RosChangeSetRequest, ValidationError> {
    return validateRosRequest(input);
  }

  create(given: RosChangeSetRequest, options: CreateOptions = {}): ResultAsync<ChangeSetHandle, ChangeSetError> {
    const checked = checkRosRequest(given);
    if (checked.isErr()) return errAsync(checked.error);
    // From here on only the checked copy is used: nothing of the caller's input is read again.
    const { request, warnings } = checked.value;
    const clientToken = options.clientToken ?? request.clientToken ?? generateClientToken();
    const sdkRequest = toCreateChangeSetRequest(request, clientToken);
    return new ResultAsync(this.#createAndPrepare(request, sdkRequest, warnings, clientToken, options));
  }

  /**
   * CreateChangeSet (making room first when asked to and the stack is full), then the wait until ROS has
   * computed it. Plain async steps rather than a chain of ResultAsync combinators: this is the hot path.
   */
  async #createAndPrepare(
    request: RosChangeSetRequest,
    sdkRequest: $Ros.CreateChangeSetRequest,
    warnings: CheckedRequest<RosChangeSetRequest>['warnings'],
    clientToken: string,
    options: CreateOptions,
  ): Promise<Result<ChangeSetHandle, ChangeSetError>> {
    const stack = request.stackName ?? request.stackId ?? '';
    const createOnce = () =>
      this.#send('CreateChangeSet', options, stack, () => this.#client.createChangeSet(sdkRequest));
    let created = await createOnce();
    if (
      created.isErr() &&
      created.error.kind === 'quota-exceeded' &&
      this.#options.changeSetLimit?.deleteOldestUnexecuted &&
      request.stackId
    ) {
      const room = await this.#deleteOldestUnexecuted(request.stackId, options);
      created = room.isErr() ? err(room.error) : await createOnce();
    }
    if (created.isErr()) return err(withClientToken(created.error, clientToken));
    const body = created.value.body;
    const ref: ChangeSetRef = {
      provider: providerId,
      changeSetId: body?.changeSetId ?? '',
      region: request.regionId,
      scope: {
        stackId: body?.stackId ?? '',
        ...(request.stackName ? { stackName: request.stackName } : {}),
        changeSetType: request.changeSetType ?? 'UPDATE',
      },
    };
    const prepared = await this.#waitUntilPrepared(ref, options);
    if (prepared.isErr()) return err(withClientToken(prepared.error, clientToken));
    const changeSet = changeSetBody(prepared.value);
    return ok({
      provider: providerId,
      changeSetId: ref.changeSetId,
      region: request.regionId,
      scope: ref.scope,
      outcome: changeSet.executionStatus === 'AVAILABLE' ? 'ready' : 'no-changes',
      entities: [stack],
      changes: rosPlannedChanges(changeSet.changes),
      startToken: options.startToken ?? generateClientToken(),
      createdAt: new Date().toISOString(),
      ...(warnings.length > 0 ? { warnings } : {}),
    });
  }

  start(handle: ChangeSetHandle, options: StartOptions = {}): ResultAsync<StartedChangeSet, ChangeSetError> {
    if (handle.provider !== providerId || !handle.changeSetId) {
      return errAsync(
        createChangeSetError('validation', {
          provider: providerId,
          operation: 'start',
          message: 'not a handle made by the ROS provider',
          issues: [{ path: 'handle', rule: 'provider', message: 'not a handle made by the ROS provider' }],
        }),
      );
    }
    if (handle.outcome === 'no-changes') {
      return errAsync(
        createChangeSetError('conflict', {
          provider: providerId,
          operation: 'start',
          code: 'NoChanges',
          message: `change set ${handle.changeSetId} has no changes: there is nothing to execute`,
        }),
      );
    }
    return new ResultAsync(this.#execute(handle, handle.changeSetId, options));
  }

  /** ExecuteChangeSet with the handle's start token, as a plain async step (the hot path). */
  async #execute(
    handle: ChangeSetHandle,
    changeSetId: string,
    options: StartOptions,
  ): Promise<Result<StartedChangeSet, ChangeSetError>> {
    const stack = handle.scope.stackName ?? handle.scope.stackId ?? '';
    const executed = await this.#send('ExecuteChangeSet', options, stack, () =>
      this.#client.executeChangeSet(
        new $Ros.ExecuteChangeSetRequest({
          regionId: handle.region ?? this.#regionId,
          changeSetId,
          clientToken: handle.startToken,
        }),
      ),
    );
    if (executed.isErr()) return err(withClientToken(executed.error, handle.startToken));
    return ok({
      provider: providerId,
      changeSetId,
      ...(handle.region ? { region: handle.region } : {}),
      scope: handle.scope,
      startedAt: new Date().toISOString(),
      startToken: handle.startToken,
      entities: handle.entities,
    });
  }

  /** The change set, then the stack: its neutral state. */
  describe(ref: ChangeSetRef, options: CallOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    return this.#getChangeSet(ref, options).andThen((changeSet) => {
      if (!changeSet.executionStatus?.startsWith('EXECUTE')) return okAsync(rosChangeSetState(ref, changeSet));
      return this.#call('GetStack', options, ref.scope.stackName ?? '', () =>
        this.#client.getStack(
          new $Ros.GetStackRequest({
            regionId: ref.region ?? this.#regionId,
            stackId: changeSet.stackId ?? ref.scope.stackId,
          }),
        ),
      ).map((stack) => rosChangeSetState(ref, changeSet, stack.body ?? {}));
    });
  }

  cancel(ref: ChangeSetRef, options: CallOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    const regionId = ref.region ?? this.#regionId;
    return this.#getChangeSet(ref, options)
      .andThen((changeSet) => {
        const stack = changeSet.stackName ?? ref.scope.stackId ?? '';
        if (changeSet.executionStatus === 'EXECUTE_IN_PROGRESS') {
          return this.#call('CancelUpdateStack', options, stack, () =>
            this.#client.cancelUpdateStack(new $Ros.CancelUpdateStackRequest({ regionId, stackId: changeSet.stackId })),
          ).map(() => undefined);
        }
        if (changeSet.executionStatus === 'AVAILABLE' || changeSet.executionStatus === 'UNAVAILABLE') {
          return this.#call('DeleteChangeSet', options, stack, () =>
            this.#client.deleteChangeSet(new $Ros.DeleteChangeSetRequest({ regionId, changeSetId: ref.changeSetId })),
          ).map(() => undefined);
        }
        return errAsync(
          createChangeSetError('conflict', {
            provider: providerId,
            operation: 'cancel',
            message: `change set ${ref.changeSetId} is ${changeSet.status}/${changeSet.executionStatus}: there is nothing left to cancel`,
          }),
        );
      })
      .andThen(() => this.describe(ref, options));
  }

  /**
   * Removes a change set that will not be executed. A CREATE change set made its stack, which waits in
   * REVIEW_IN_PROGRESS with nothing in it: that stack goes too, so a preview leaves nothing behind.
   */
  discard(handle: ChangeSetHandle, options: CallOptions = {}): ResultAsync<void, ChangeSetError> {
    const changeSetId = handle.changeSetId;
    if (handle.provider !== providerId || !changeSetId) return okAsync(undefined);
    const regionId = handle.region ?? this.#regionId;
    const stack = handle.scope.stackName ?? handle.scope.stackId ?? '';
    const stackId = handle.scope.stackId;
    const deleted = this.#call('DeleteChangeSet', options, stack, () =>
      this.#client.deleteChangeSet(new $Ros.DeleteChangeSetRequest({ regionId, changeSetId })),
    ).map(() => undefined);
    if (handle.scope.changeSetType !== 'CREATE' || !stackId) return deleted;
    return deleted
      .andThen(() =>
        this.#call('GetStack', options, stack, () =>
          this.#client.getStack(new $Ros.GetStackRequest({ regionId, stackId })),
        ),
      )
      .andThen((found) =>
        found.body?.status === 'REVIEW_IN_PROGRESS'
          ? this.#call('DeleteStack', options, stack, () =>
              this.#client.deleteStack(new $Ros.DeleteStackRequest({ regionId, stackId })),
            ).map(() => undefined)
          : okAsync(undefined),
      )
      .orElse((error) => (error.kind === 'not-found' ? okAsync(undefined) : errAsync(error)));
  }

  waitUntilSettled(ref: ChangeSetRef, options: WaitOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    return waitUntilSettled(
      // One attempt per poll: the waiter itself treats a throttled or failed poll as "still running".
      () => this.describe(ref, { retry: { maxAttempts: 1 } }),
      providerId,
      { minDelayMs: 1_000, maxDelayMs: 10_000, ...this.#options.waiter },
      options,
    );
  }

  #config(options: RosProviderOptions): $OpenApi.$OpenApiUtil.Config {
    const timeout = options.timeoutMs ?? 10_000;
    return new $OpenApi.$OpenApiUtil.Config({
      regionId: this.#regionId,
      endpoint: options.endpoint ?? `ros.aliyuncs.com`,
      protocol: options.protocol ?? 'https',
      readTimeout: timeout,
      connectTimeout: timeout,
      ...(options.credentials
        ? {
            accessKeyId: options.credentials.accessKeyId,
            accessKeySecret: options.credentials.accessKeySecret,
            ...(options.credentials.securityToken ? { securityToken: options.credentials.securityToken } : {}),
          }
        : { credential: new Credential.default() }),
    });
  }

  /** One SDK call under the retry policy; every attempt sends the same request, token included. */
  #call<T>(
    operation: string,
    options: CallOptions,
    stack: string,
    send: () => Promise<T>,
  ): ResultAsync<T, ChangeSetError> {
    return new ResultAsync(this.#send(operation, options, stack, send));
  }

  /** `#call` as a plain promise, for the async steps of create and start (one step less per await). */
  #send<T>(
    operation: string,
    options: CallOptions,
    stack: string,
    send: () => Promise<T>,
  ): Promise<Result<T, ChangeSetError>> {
    const redactor = this.#redactor;
    // A native promise per attempt; a failure waits until the client's resolved credentials are known, so
    // its error masks them too.
    const attempt = () =>
      send().then(
        (value): Result<T, ChangeSetError> => ok(value),
        (error: unknown) => redactor.learnSecrets().then(() => err(mapRosError(error, { operation, stack, redactor }))),
      );
    return retryAttempts(attempt, {
      provider: providerId,
      operation,
      policy: { ...this.#options.retry, ...options.retry },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  #getChangeSet(ref: ChangeSetRef, options: CallOptions): ResultAsync<RosChangeSetBody, ChangeSetError> {
    return new ResultAsync(this.#getChangeSetResponse(ref, options)).map(changeSetBody);
  }

  #getChangeSetResponse(
    ref: ChangeSetRef,
    options: CallOptions,
  ): Promise<Result<$Ros.GetChangeSetResponse, ChangeSetError>> {
    return this.#send('GetChangeSet', options, ref.scope.stackName ?? '', () =>
      this.#client.getChangeSet(
        new $Ros.GetChangeSetRequest({ regionId: ref.region ?? this.#regionId, changeSetId: ref.changeSetId }),
      ),
    );
  }

  /** Waits (bounded, abortable) until ROS has computed the change set: ready, no changes, or failed. */
  #waitUntilPrepared(
    ref: ChangeSetRef,
    options: CreateOptions,
  ): ResultAsync<$Ros.GetChangeSetResponse, ChangeSetError> {
    const { signal, ...policy } = options.wait ?? {};
    const abort = signal ?? options.signal;
    return waitFor(
      // The SDK's answer as it comes (one async step less per poll); the verdict reads its body.
      () => new ResultAsync(this.#getChangeSetResponse(ref, options)),
      (response) => {
        const body = changeSetBody(response);
        if (body.status === 'CREATE_COMPLETE') return { state: 'done' };
        if (body.status === 'CREATE_FAILED') {
          const reason = body.statusReason ?? 'ROS could not create the change set';
          return {
            state: 'failed',
            error: createChangeSetError(
              'validation',
              {
                provider: providerId,
                operation: 'create',
                code: 'CREATE_FAILED',
                message: `change set ${ref.changeSetId} failed to be created: ${reason}`,
                changeSetId: ref.changeSetId,
                issues: [{ path: 'templateBody', rule: 'CREATE_FAILED', message: reason }],
              },
              this.#redactor,
            ),
          };
        }
        return { state: 'pending' };
      },
      {
        provider: providerId,
        operation: 'create',
        policy: { minDelayMs: 500, maxDelayMs: 5_000, maxWaitMs: 10 * 60_000, ...this.#options.waiter, ...policy },
        describe: (response) => `${response.body?.status}/${response.body?.executionStatus}`,
        ...(abort ? { signal: abort } : {}),
      },
    );
  }

  /** Makes room under the 20-change-set limit: deletes the oldest change sets that were never executed. */
  #deleteOldestUnexecuted(stackId: string, options: CallOptions): ResultAsync<void, ChangeSetError> {
    return this.#call('ListChangeSets', options, stackId, () =>
      this.#client.listChangeSets(new $Ros.ListChangeSetsRequest({ regionId: this.#regionId, stackId, pageSize: 50 })),
    ).andThen((listed) => {
      const deletable = (listed.body?.changeSets ?? [])
        .filter(
          (changeSet) =>
            ['CREATE_COMPLETE', 'CREATE_FAILED', 'DELETE_FAILED'].includes(changeSet.status ?? '') &&
            ['AVAILABLE', 'UNAVAILABLE'].includes(changeSet.executionStatus ?? ''),
        )
        .sort((a, b) => (a.createTime ?? '').localeCompare(b.createTime ?? ''));
      const oldest = deletable[0];
      if (!oldest?.changeSetId) {
        return errAsync(
          createChangeSetError('quota-exceeded', {
            provider: providerId,
            operation: 'create',
            message: 'the stack holds 20 change sets and none of them can be deleted (all executed or in progress)',
            limit: '20 change sets per stack',
          }),
        );
      }
      return this.#call('DeleteChangeSet', options, stackId, () =>
        this.#client.deleteChangeSet(
          new $Ros.DeleteChangeSetRequest({ regionId: this.#regionId, changeSetId: oldest.changeSetId }),
        ),
      ).map(() => undefined);
    });
  }
}
