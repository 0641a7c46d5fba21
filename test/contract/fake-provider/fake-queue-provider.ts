import type {
  ChangeSetError,
  ChangeSetHandle,
  ChangeSetProvider,
  ChangeSetRef,
  ChangeSetState,
  CreateOptions,
  StartedChangeSet,
  ValidationError,
  WaitOptions,
} from '@changeplane/core';
import { createChangeSetError, generateClientToken, waitUntilSettled } from '@changeplane/core/adapter';
import { errAsync, okAsync, type Result, type ResultAsync } from 'neverthrow';
import { type FakeQueueRequest, fakeQueueProviderId } from './fake-queue-request.js';
import {
  type FakeChangeSetRecord,
  type FakeQueueCredentials,
  type FakeServiceFault,
  fakeQueueServiceAt,
} from './fake-queue-service.js';
import { validateFakeQueueRequest } from './validate-fake-queue-request.js';

const neutralStatus = {
  RUNNING: 'running',
  DONE: 'succeeded',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
} as const satisfies Record<FakeChangeSetRecord['status'], ChangeSetState['status']>;

const errorKind = {
  InvalidSignature: 'authentication',
  ChangeSetNotFound: 'not-found',
  ChangeSetEnded: 'conflict',
  ServiceClosed: 'network',
} as const satisfies Record<FakeServiceFault['code'], ChangeSetError['kind']>;

/**
 * A third provider, written only against core's public contract: `create` is local (rules checked, the
 * request kept in the handle, as Marketplace does), `start` sends it with the handle's token.
 */
export class FakeQueueProvider implements ChangeSetProvider<FakeQueueRequest> {
  readonly id = fakeQueueProviderId;

  constructor(
    private readonly endpoint: string,
    private readonly credentials: FakeQueueCredentials,
  ) {}

  validate(request: FakeQueueRequest): Result<FakeQueueRequest, ValidationError> {
    return validateFakeQueueRequest(request);
  }

  create(request: FakeQueueRequest, options: CreateOptions = {}): ResultAsync<ChangeSetHandle, ChangeSetError> {
    const checked = validateFakeQueueRequest(request);
    if (checked.isErr()) return errAsync(checked.error);
    const { changes } = checked.value;
    return okAsync({
      provider: this.id,
      scope: { endpoint: this.endpoint },
      outcome: 'ready',
      entities: [...new Set(changes.map((change) => change.queue))].sort(),
      changes: changes.map((change) => ({ action: change.action, target: change.queue })),
      startToken: options.startToken ?? generateClientToken(),
      payload: { name: checked.value.name, changes: changes.map((change) => ({ ...change })) },
      createdAt: new Date().toISOString(),
    });
  }

  start(handle: ChangeSetHandle): ResultAsync<StartedChangeSet, ChangeSetError> {
    const request = handle.payload as unknown as FakeQueueRequest;
    return this.call('start', (service) => service.start(this.credentials, handle.startToken, request.changes)).map(
      (record) => ({
        ...this.refOf(record),
        startedAt: record.startedAt,
        startToken: handle.startToken,
        entities: handle.entities,
      }),
    );
  }

  describe(ref: ChangeSetRef): ResultAsync<ChangeSetState, ChangeSetError> {
    return this.call('describe', (service) => service.describe(this.credentials, ref.changeSetId)).map((record) =>
      this.stateOf(record),
    );
  }

  cancel(ref: ChangeSetRef): ResultAsync<ChangeSetState, ChangeSetError> {
    return this.call('cancel', (service) => service.cancel(this.credentials, ref.changeSetId)).map((record) =>
      this.stateOf(record),
    );
  }

  waitUntilSettled(ref: ChangeSetRef, options?: WaitOptions): ResultAsync<ChangeSetState, ChangeSetError> {
    return waitUntilSettled(() => this.describe(ref), this.id, { minDelayMs: 20, maxDelayMs: 200 }, options);
  }

  private call(
    operation: string,
    send: (service: NonNullable<ReturnType<typeof fakeQueueServiceAt>>) => FakeChangeSetRecord | FakeServiceFault,
  ): ResultAsync<FakeChangeSetRecord, ChangeSetError> {
    const service = fakeQueueServiceAt(this.endpoint);
    const answer: FakeChangeSetRecord | FakeServiceFault = service
      ? send(service)
      : { code: 'ServiceClosed', message: `nothing listens at ${this.endpoint}` };
    if ('code' in answer) {
      return errAsync(
        createChangeSetError(errorKind[answer.code], {
          provider: this.id,
          operation,
          message: answer.message,
          code: answer.code,
        }),
      );
    }
    return okAsync(answer);
  }

  private refOf(record: FakeChangeSetRecord): ChangeSetRef {
    return { provider: this.id, changeSetId: record.id, scope: { endpoint: this.endpoint } };
  }

  private stateOf(record: FakeChangeSetRecord): ChangeSetState {
    return {
      ref: this.refOf(record),
      status: neutralStatus[record.status],
      rawStatus: record.status,
      ...(record.reason ? { reason: record.reason } : {}),
      changes: record.changes.map((change) => ({ action: change.action, target: change.queue })),
      entities: [...new Set(record.changes.map((change) => change.queue))].sort(),
    };
  }
}
