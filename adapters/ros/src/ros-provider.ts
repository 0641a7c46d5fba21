import 'reflect-metadata';
import Credential from '@alicloud/credentials';
import * as $OpenApi from '@alicloud/openapi-core';
import ROS from '@alicloud/ros20190910';
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
import { inject, injectable } from 'inversify';
import { errAsync, type Result, ResultAsync } from 'neverthrow';
import { cancelChangeSet } from './_internals/operations/cancel-change-set.js';
import { createChangeSet } from './_internals/operations/create-change-set.js';
import { describeChangeSet } from './_internals/operations/describe-change-set.js';
import { discardChangeSet } from './_internals/operations/discard-change-set.js';
import { executeChangeSet } from './_internals/operations/execute-change-set.js';
import { waitUntilChangeSetSettled } from './_internals/operations/wait-until-settled.js';
import { defaultRosEndpoint, parseRosEndpoint, type RosEndpoint } from './_internals/ros-endpoint.js';
import { rosProviderId } from './_internals/ros-provider-id.js';
import { rosSecretRedactor } from './_internals/ros-secret-redactor.js';
import type { RosSession } from './_internals/ros-session.js';
import { checkRosRequest, validateRosRequest } from './_internals/validate-ros-request.js';
import type { RosChangeSetRequest } from './ros-change-set-request.js';
import { type RosProviderOptions, RosProviderOptionsToken } from './ros-provider-options.js';

/**
 * Alibaba Cloud ROS change sets through the changeplane contract: `create` is CreateChangeSet and a wait
 * until the change set is ready (or has no changes, or failed); `start` is ExecuteChangeSet. Every call
 * carries a ClientToken reused on every retry, so a retry never makes a second change set or execution.
 * Each operation lives in `_internals/operations/`; every call goes through `callRos`.
 */
@injectable()
export class RosProvider implements ChangeSetProvider<RosChangeSetRequest> {
  readonly id = rosProviderId;
  readonly #session: RosSession;

  constructor(@inject(RosProviderOptionsToken) options: RosProviderOptions) {
    const regionId = options.regionId ?? 'cn-hangzhou';
    const client = options.client ?? new ROS.default(clientConfig(options, regionId, endpointOf(options)));
    // Errors are masked where they are made, with this instance's own credentials (no process-wide set).
    const redactor = options.redactor ?? rosSecretRedactor(options.credentials, client);
    this.#session = { client, options, redactor, regionId };
  }

  /**
   * A provider with its own client, built from plain options.
   * @throws the `validation` ChangeSetError naming `endpoint` (or `protocol`) when the endpoint is neither an
   * http(s) URL nor `host[:port]`: a configuration mistake is refused here, before any network call.
   */
  static fromOptions(options: RosProviderOptions): RosProvider {
    return new RosProvider(options);
  }

  /** Any input (typed or not) into the request as it will be sent (ignored parameters left out); never throws. */
  validate(input: unknown): Result<RosChangeSetRequest, ValidationError> {
    return validateRosRequest(input);
  }

  /** validate -> CreateChangeSet -> wait until ROS has computed it -> the handle. */
  create(given: RosChangeSetRequest, options: CreateOptions = {}): ResultAsync<ChangeSetHandle, ChangeSetError> {
    const checked = checkRosRequest(given);
    if (checked.isErr()) return errAsync(checked.error);
    // From here on only the checked copy is used: nothing of the caller's input is read again.
    return new ResultAsync(createChangeSet(this.#session, checked.value, options));
  }

  /** ExecuteChangeSet with the handle's start token. */
  start(handle: ChangeSetHandle, options: StartOptions = {}): ResultAsync<StartedChangeSet, ChangeSetError> {
    return new ResultAsync(executeChangeSet(this.#session, handle, options));
  }

  /** The change set, then the stack: its neutral state. */
  describe(ref: ChangeSetRef, options: CallOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    return new ResultAsync(describeChangeSet(this.#session, ref, options));
  }

  /** DeleteChangeSet before execution, CancelUpdateStack during an update; then the state. */
  cancel(ref: ChangeSetRef, options: CallOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    return new ResultAsync(cancelChangeSet(this.#session, ref, options));
  }

  /** Removes a change set that will not be executed (and the empty stack of a CREATE one). */
  discard(handle: ChangeSetHandle, options: CallOptions = {}): ResultAsync<void, ChangeSetError> {
    return new ResultAsync(discardChangeSet(this.#session, handle, options));
  }

  waitUntilSettled(ref: ChangeSetRef, options: WaitOptions = {}): ResultAsync<ChangeSetState, ChangeSetError> {
    return new ResultAsync(waitUntilChangeSetSettled(this.#session, ref, options));
  }
}

/** The endpoint as the SDK takes it; a malformed one is refused at construction (the typed validation error). */
function endpointOf(options: RosProviderOptions): RosEndpoint {
  const parsed = parseRosEndpoint(options.endpoint ?? defaultRosEndpoint, options.protocol);
  if (parsed.isErr()) throw parsed.error;
  return parsed.value;
}

/** The SDK client's configuration from plain options (credentials else @alicloud/credentials' default chain). */
function clientConfig(
  options: RosProviderOptions,
  regionId: string,
  endpoint: RosEndpoint,
): $OpenApi.$OpenApiUtil.Config {
  const timeout = options.timeoutMs ?? 10_000;
  return new $OpenApi.$OpenApiUtil.Config({
    regionId,
    endpoint: endpoint.host,
    protocol: endpoint.protocol,
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
