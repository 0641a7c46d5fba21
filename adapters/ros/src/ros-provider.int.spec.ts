import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { type RosEmulatorOptions, type RunningRosEmulator, startRosEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { mapRosError } from './_internals/map-ros-error.js';
import type { RosChangeSetRequest } from './ros-change-set-request.js';
import { RosProvider } from './ros-provider.js';
import type { RosProviderOptions } from './ros-provider-options.js';

const wait = { minDelayMs: 10, maxDelayMs: 50, maxWaitMs: 10_000 };
const fastRetry = { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 6 };
const template = (
  resources: object = { Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: '10.0.0.0/8' } } },
) => ({
  ROSTemplateFormatVersion: '2015-09-01',
  Resources: resources,
});
const createRequest = (patch: Partial<RosChangeSetRequest> = {}): RosChangeSetRequest => ({
  changeSetType: 'CREATE',
  regionId: 'cn-hangzhou',
  changeSetName: 'cs',
  stackName: 'stack',
  templateBody: template(),
  timeoutInMinutes: 10,
  ...patch,
});

describe(RosProvider, () => {
  let emulator: RunningRosEmulator;
  const start = async (options: RosEmulatorOptions = {}) => {
    emulator = await startRosEmulator({ timing: { createMs: 30, executeMs: 60 }, ...options });
  };
  const provider = (patch: Partial<RosProviderOptions> = {}) =>
    RosProvider.fromOptions({
      regionId: 'cn-hangzhou',
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      retry: fastRetry,
      waiter: { minDelayMs: 10, maxDelayMs: 50 },
      ...patch,
    });
  /** A stack that exists (CREATE executed), for UPDATE cases. */
  const existingStack = async (ros: RosProvider, name = 'stack') => {
    const handle = (await ros.create(createRequest({ stackName: name }), { wait }))._unsafeUnwrap();
    const started = (await ros.start(handle))._unsafeUnwrap();
    (await ros.waitUntilSettled(started, wait))._unsafeUnwrap();
    return handle.scope.stackId!;
  };

  afterEach(async () => {
    await emulator?.close();
  });

  describe('having a CREATE change set', () => {
    it('should wait until ready, show the changes, execute, and settle succeeded with the stack CREATE_COMPLETE', async () => {
      await start();
      const ros = provider();
      const handle = (await ros.create(createRequest(), { wait }))._unsafeUnwrap();
      expect(handle).toMatchObject({
        outcome: 'ready',
        changes: [{ action: 'Add', target: 'Vpc', detail: 'ALIYUN::ECS::VPC' }],
      });
      expect(emulator.changeSets()[0]).toMatchObject({ status: 'CREATE_COMPLETE', executionStatus: 'AVAILABLE' });
      const started = (await ros.start(handle))._unsafeUnwrap();
      const settled = (await ros.waitUntilSettled(started, wait))._unsafeUnwrap();
      expect(settled.status).toBe('succeeded');
      expect(settled.rawStatus).toContain('stack CREATE_COMPLETE');
      expect(emulator.stacks()[0]!.status).toBe('CREATE_COMPLETE');
    });

    it('should fail a change set ROS cannot create, carrying StatusReason', async () => {
      await start();
      const result = await provider().create(createRequest({ templateBody: template({ Vpc: { Type: 'NotAType' } }) }), {
        wait,
      });
      const error = result._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'validation', code: 'CREATE_FAILED' });
      expect(error.message).toContain('NotAType');
    });

    it('should report an execution that fails as failed with the stack reason', async () => {
      await start();
      const ros = provider();
      emulator.control.failNext({ stackName: 'stack', phase: 'execute', reason: 'Resource Vpc failed to be created.' });
      const handle = (await ros.create(createRequest(), { wait }))._unsafeUnwrap();
      const settled = (await ros.waitUntilSettled((await ros.start(handle))._unsafeUnwrap(), wait))._unsafeUnwrap();
      expect(settled.status).toBe('failed');
      expect(settled.reason).toContain('Vpc');
    });

    it('should stop waiting when aborted', async () => {
      await start({ timing: { createMs: 5_000, executeMs: 60 } });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const result = await provider().create(createRequest(), { wait: { ...wait, signal: controller.signal } });
      expect(result._unsafeUnwrapErr().kind).toBe('aborted');
    });
  });

  describe('having an UPDATE without changes', () => {
    it('should be its own outcome, and starting it should say there is nothing to execute', async () => {
      await start();
      const ros = provider();
      const stackId = await existingStack(ros);
      const handle = (
        await ros.create(
          { regionId: 'cn-hangzhou', changeSetName: 'same', stackId, templateBody: template() },
          { wait },
        )
      )._unsafeUnwrap();
      expect(handle.outcome).toBe('no-changes');
      expect((await ros.start(handle))._unsafeUnwrapErr()).toMatchObject({ kind: 'conflict', code: 'NoChanges' });
    });
  });

  describe('having retries', () => {
    it('should create one change set and execute once through throttling, 5xx and dropped answers', async () => {
      await start();
      emulator.faults.add({ kind: 'throttle', operation: 'CreateChangeSet', count: 1 });
      emulator.faults.add({ kind: 'server-error', operation: 'CreateChangeSet', count: 1, after: true });
      emulator.faults.add({ kind: 'drop', operation: 'CreateChangeSet', count: 1, after: true });
      emulator.faults.add({ kind: 'drop', operation: 'ExecuteChangeSet', count: 1, after: true });
      emulator.faults.add({ kind: 'server-error', operation: 'ExecuteChangeSet', count: 1, after: true, status: 503 });
      const ros = provider();
      const handle = (await ros.create(createRequest(), { wait }))._unsafeUnwrap();
      expect(emulator.requestCount('CreateChangeSet')).toBe(4);
      expect(emulator.changeSets()).toHaveLength(1);
      const started = (await ros.start(handle))._unsafeUnwrap();
      expect(emulator.requestCount('ExecuteChangeSet')).toBe(3);
      expect((await ros.waitUntilSettled(started, wait))._unsafeUnwrap().status).toBe('succeeded');
      expect(emulator.changeSets()).toHaveLength(1);
    });

    it('should give up after the policy with a retryable provider fault', async () => {
      await start({ faults: [{ kind: 'server-error', operation: 'CreateChangeSet' }] });
      const error = (
        await provider({ retry: { ...fastRetry, maxAttempts: 2 } }).create(createRequest(), { wait })
      )._unsafeUnwrapErr();
      expect(error).toMatchObject({
        kind: 'provider-fault',
        code: 'InternalError',
        httpStatus: 500,
        retryable: true,
        attempts: 2,
      });
      expect(emulator.changeSets()).toHaveLength(0);
    });
  });

  describe('having the 20-change-set limit', () => {
    it('should name the limit, and make room when opted in', async () => {
      await start();
      const ros = provider();
      const stackId = await existingStack(ros);
      for (let n = 0; n < 19; n += 1) {
        (
          await ros.create(
            { regionId: 'cn-hangzhou', changeSetName: `u${n}`, stackId, templateBody: template({}) },
            { wait },
          )
        )._unsafeUnwrap();
      }
      const full = (
        await ros.create(
          { regionId: 'cn-hangzhou', changeSetName: 'u20', stackId, templateBody: template({}) },
          { wait },
        )
      )._unsafeUnwrapErr();
      expect(full).toMatchObject({ kind: 'quota-exceeded', limit: '20 change sets per stack' });
      const roomy = provider({ changeSetLimit: { deleteOldestUnexecuted: true } });
      const made = await roomy.create(
        { regionId: 'cn-hangzhou', changeSetName: 'u20', stackId, templateBody: template({}) },
        { wait },
      );
      expect(made.isOk()).toBe(true);
      expect(emulator.changeSets().find((item) => item.changeSetName === 'u0')!.status).toBe('DELETE_COMPLETE');
    });
  });

  describe('having discard', () => {
    it('should remove a CREATE preview and the stack made for it, and an UPDATE preview alone', async () => {
      await start();
      const ros = provider();
      const preview = (await ros.create(createRequest({ stackName: 'preview' }), { wait }))._unsafeUnwrap();
      (await ros.discard(preview))._unsafeUnwrap();
      const live = (status: string) => status !== 'DELETE_COMPLETE';
      expect(emulator.stacks().filter((stack) => stack.stackName === 'preview' && live(stack.status))).toEqual([]);
      expect(emulator.changeSets().filter((changeSet) => live(changeSet.status))).toEqual([]);

      const stackId = await existingStack(ros, 'kept');
      const update = (
        await ros.create(
          createRequest({
            changeSetType: 'UPDATE',
            stackName: undefined,
            stackId,
            changeSetName: 'u1',
            templateBody: template({}),
          }),
          { wait },
        )
      )._unsafeUnwrap();
      (await ros.discard(update))._unsafeUnwrap();
      expect(emulator.stacks().find((stack) => stack.stackId === stackId)?.status).toBe('CREATE_COMPLETE');
      expect(emulator.changeSets().find((changeSet) => changeSet.changeSetId === update.changeSetId)?.status).toBe(
        'DELETE_COMPLETE',
      );
      // 21 previews of one stack in a row: nothing accumulates toward the 20-change-set limit.
      for (let round = 0; round < 21; round += 1) {
        const again = (
          await ros.create(createRequest({ stackName: 'again', changeSetName: `r${round}` }), { wait })
        )._unsafeUnwrap();
        (await ros.discard(again))._unsafeUnwrap();
      }
    });
  });

  describe('having cancel', () => {
    it('should delete a change set before execution and cancel an update during it', async () => {
      await start({ timing: { createMs: 20, executeMs: 400 } });
      const ros = provider();
      const handle = (await ros.create(createRequest(), { wait }))._unsafeUnwrap();
      const ref = {
        provider: 'alibaba-ros',
        changeSetId: handle.changeSetId!,
        region: 'cn-hangzhou',
        scope: handle.scope,
      };
      expect((await ros.cancel(ref))._unsafeUnwrap().status).toBe('cancelled');

      const stackId = await existingStack(ros, 'other');
      const update = (
        await ros.create({ regionId: 'cn-hangzhou', changeSetName: 'u', stackId, templateBody: template({}) }, { wait })
      )._unsafeUnwrap();
      const started = (await ros.start(update))._unsafeUnwrap();
      (await ros.cancel(started))._unsafeUnwrap();
      expect((await ros.waitUntilSettled(started, wait))._unsafeUnwrap().status).toBe('cancelled');
    });
  });

  describe('having errors from the service', () => {
    it('should map ActionInProgress to locked naming the stack', async () => {
      await start({ timing: { createMs: 20, executeMs: 400 } });
      const ros = provider();
      const handle = (await ros.create(createRequest(), { wait }))._unsafeUnwrap();
      (await ros.start(handle))._unsafeUnwrap();
      const busy = await ros.create(
        { regionId: 'cn-hangzhou', changeSetName: 'next', stackId: handle.scope.stackId, templateBody: template() },
        { wait },
      );
      expect(busy._unsafeUnwrapErr()).toMatchObject({
        kind: 'locked',
        code: 'ActionInProgress',
        httpStatus: 409,
        entities: [handle.scope.stackId],
      });
    });

    it("should map InvalidSchema, which only a client without the adapter's own check can provoke, to validation", async () => {
      await start();
      // The adapter reads template text with the same YAML rules as ROS, so a bad text never leaves it; the
      // raw SDK sends one, and the adapter's error mapper reads the answer.
      const client = new ROS.default(
        new $OpenApi.$OpenApiUtil.Config({
          ...emulator.credentials,
          // The raw SDK takes host:port and the scheme apart.
          endpoint: new URL(emulator.endpoint).host,
          protocol: 'http',
          regionId: 'cn-hangzhou',
        }),
      );
      const sent = await client
        .createChangeSet(
          new $Ros.CreateChangeSetRequest({
            regionId: 'cn-hangzhou',
            changeSetName: 'cs',
            changeSetType: 'CREATE',
            stackName: 'bad',
            timeoutInMinutes: 10,
            templateBody: '{"ROSTemplateFormatVersion": ',
          }),
        )
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      const error = mapRosError(sent, { operation: 'CreateChangeSet', stack: 'bad' });
      expect(error).toMatchObject({ kind: 'validation', code: 'InvalidSchema', httpStatus: 400 });
    });

    it.each([
      ['StackExists', 'conflict', 409],
      ['ChangeSetExists', 'conflict', 409],
      ['StackNotFound', 'not-found', 404],
      ['ChangeSetNotFound', 'not-found', 404],
      ['TemplateNotFound', 'not-found', 404],
      ['InvalidTemplateVersion', 'validation', 400],
      ['InvalidTemplateSection', 'validation', 400],
      ['UnknownUserParameter', 'validation', 400],
      ['UserParameterMissing', 'validation', 400],
      ['Throttling.User', 'throttled', 400],
      ['InternalError', 'provider-fault', 500],
      ['SignatureDoesNotMatch', 'authentication', 400],
      ['InvalidAccessKeyId.NotFound', 'authentication', 404],
      ['ECONNREFUSED', 'network', undefined],
    ] as const)('should map %s to %s', async (code, kind, status) => {
      await start();
      let ros = provider({ retry: { maxAttempts: 1 } });
      let request = createRequest();
      if (code === 'StackExists') await existingStack(ros);
      if (code === 'ChangeSetExists') {
        const stackId = await existingStack(ros);
        (
          await ros.create(
            { regionId: 'cn-hangzhou', changeSetName: 'dup', stackId, templateBody: template({}) },
            { wait },
          )
        )._unsafeUnwrap();
        request = { regionId: 'cn-hangzhou', changeSetName: 'dup', stackId, templateBody: template({}) };
      }
      if (code === 'StackNotFound')
        request = { regionId: 'cn-hangzhou', changeSetName: 'x', stackId: 'missing', templateBody: template() };
      if (code === 'TemplateNotFound') request = createRequest({ templateBody: undefined, templateId: 'tpl-missing' });
      if (code === 'InvalidTemplateVersion')
        request = createRequest({ templateBody: '{"ROSTemplateFormatVersion": "2012-01-01"}' });
      if (code === 'InvalidTemplateSection')
        request = createRequest({ templateBody: { ROSTemplateFormatVersion: '2015-09-01', Bogus: {} } });
      if (code === 'UnknownUserParameter') request = createRequest({ parameters: { Nope: '1' } });
      if (code === 'UserParameterMissing')
        request = createRequest({
          templateBody: { ROSTemplateFormatVersion: '2015-09-01', Parameters: { Size: { Type: 'Number' } } },
        });
      if (code === 'Throttling.User') emulator.faults.add({ kind: 'throttle', operation: 'CreateChangeSet' });
      if (code === 'InternalError') emulator.faults.add({ kind: 'server-error', operation: 'CreateChangeSet' });
      if (code === 'SignatureDoesNotMatch')
        ros = provider({
          retry: { maxAttempts: 1 },
          credentials: { ...emulator.credentials, accessKeySecret: 'wrong-secret-value-9' },
        });
      if (code === 'InvalidAccessKeyId.NotFound')
        ros = provider({
          retry: { maxAttempts: 1 },
          credentials: { accessKeyId: 'LTAIunknown', accessKeySecret: 'x' },
        });
      if (code === 'ECONNREFUSED') ros = provider({ retry: { maxAttempts: 1 }, endpoint: '127.0.0.1:9' });
      const error =
        code === 'ChangeSetNotFound'
          ? (await ros.describe({ provider: 'alibaba-ros', changeSetId: 'missing', scope: {} }))._unsafeUnwrapErr()
          : (await ros.create(request, { wait }))._unsafeUnwrapErr();
      expect(error.kind).toBe(kind);
      expect(error.code).toBe(code);
      if (status) expect(error.httpStatus).toBe(status);
      if (code === 'Throttling.User' && error.kind === 'throttled') expect(error.retryAfterMs).toBe(200);
      expect(JSON.stringify(error)).not.toContain('wrong-secret-value-9');
      expect(JSON.stringify(error)).not.toContain(emulator.credentials.accessKeySecret);
    });
  });
});
