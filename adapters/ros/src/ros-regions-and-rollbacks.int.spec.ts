import { type RosEmulatorOptions, type RunningRosEmulator, startRosEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import type { RosChangeSetRequest } from './ros-change-set-request.js';
import { RosProvider } from './ros-provider.js';
import type { RosProviderOptions } from './ros-provider-options.js';

// Every ROS action takes the RegionId of the stack or change set it acts on (API pages); the emulator keeps
// state per region, so a call sent to the client's default region instead fails with *NotFound.
// Rollback statuses: GetStack page (https://www.alibabacloud.com/help/doc-detail/132088.htm).

const wait = { minDelayMs: 10, maxDelayMs: 40, maxWaitMs: 10_000 };
const vpc = (cidr = '10.0.0.0/8') => ({
  ROSTemplateFormatVersion: '2015-09-01',
  Resources: { Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: cidr } } },
});
/** The next execution on `stack` fails as a resource failure of Vpc (the emulator's control API). */
const failNextExecution = (emulator: RunningRosEmulator) =>
  emulator.control.failNext({ stackName: 'stack', phase: 'execute', reason: 'Resource Vpc failed to be created.' });
const createRequest = (patch: Partial<RosChangeSetRequest> = {}): RosChangeSetRequest => ({
  changeSetType: 'CREATE',
  regionId: 'cn-beijing',
  changeSetName: 'cs',
  stackName: 'stack',
  templateBody: vpc(),
  timeoutInMinutes: 10,
  ...patch,
});

describe('RosProvider regions and rollbacks', () => {
  let emulator: RunningRosEmulator;
  const start = async (options: RosEmulatorOptions = {}) => {
    emulator = await startRosEmulator({ timing: { createMs: 20, executeMs: 60 }, ...options });
  };
  /** The client's default region is cn-hangzhou; the requests below name cn-beijing. */
  const provider = (patch: Partial<RosProviderOptions> = {}) =>
    RosProvider.fromOptions({
      regionId: 'cn-hangzhou',
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 },
      waiter: { minDelayMs: 10, maxDelayMs: 40 },
      ...patch,
    });
  const stackStatus = (stackId: string | undefined) =>
    emulator.stacks().find((stack) => stack.stackId === stackId)?.status;

  afterEach(async () => {
    await emulator?.close();
  });

  describe('having change sets in a region other than the client default', () => {
    it('should create, start, wait, describe and cancel in the change set region', async () => {
      await start();
      const ros = provider();
      const handle = (await ros.create(createRequest(), { wait }))._unsafeUnwrap();
      expect(handle.region).toBe('cn-beijing');
      const started = (await ros.start(handle))._unsafeUnwrap();
      expect((await ros.waitUntilSettled(started, wait))._unsafeUnwrap().status).toBe('succeeded');
      expect((await ros.describe(started))._unsafeUnwrap().rawStatus).toContain('stack CREATE_COMPLETE');
      const stackId = handle.scope.stackId!;
      const update = (
        await ros.create(
          createRequest({ changeSetType: 'UPDATE', stackId, changeSetName: 'u', templateBody: vpc('10.1.0.0/16') }),
          { wait },
        )
      )._unsafeUnwrap();
      const cancelled = (await ros.cancel({ ...update, changeSetId: update.changeSetId! }))._unsafeUnwrap();
      expect(cancelled.status).toBe('cancelled');
    });

    it('should discard a CREATE change set and the stack ROS leaves behind, in their region', async () => {
      await start();
      const ros = provider();
      const handle = (await ros.create(createRequest(), { wait }))._unsafeUnwrap();
      expect(stackStatus(handle.scope.stackId)).toBe('REVIEW_IN_PROGRESS');
      (await ros.discard(handle))._unsafeUnwrap();
      expect(stackStatus(handle.scope.stackId)).toBe('DELETE_COMPLETE');
      expect(emulator.changeSets()[0]?.status).toBe('DELETE_COMPLETE');
    });

    it('should make room under the change set limit by listing and deleting in the stack region', async () => {
      await start({ limits: { changeSetsPerStack: 2 } });
      const ros = provider({ changeSetLimit: { deleteOldestUnexecuted: true } });
      const created = (await ros.create(createRequest(), { wait }))._unsafeUnwrap();
      (await ros.waitUntilSettled((await ros.start(created))._unsafeUnwrap(), wait))._unsafeUnwrap();
      const stackId = created.scope.stackId!;
      const update = (name: string, cidr: string) =>
        ros.create(createRequest({ changeSetType: 'UPDATE', stackId, changeSetName: name, templateBody: vpc(cidr) }), {
          wait,
        });
      const oldest = (await update('a', '10.1.0.0/16'))._unsafeUnwrap();
      const newest = (await update('b', '10.2.0.0/16'))._unsafeUnwrap();
      expect(newest.outcome).toBe('ready');
      const statusOf = (id: string | undefined) =>
        emulator.changeSets().find((changeSet) => changeSet.changeSetId === id)?.status;
      expect(statusOf(oldest.changeSetId)).toBe('DELETE_COMPLETE');
      expect(statusOf(created.changeSetId)).toBe('CREATE_COMPLETE');
    });
  });

  describe('having executions that fail', () => {
    const settle = async (ros: RosProvider, request: RosChangeSetRequest) => {
      const handle = (await ros.create(request, { wait }))._unsafeUnwrap();
      return (await ros.waitUntilSettled((await ros.start(handle))._unsafeUnwrap(), wait))._unsafeUnwrap();
    };

    it('should settle a rolled-back create as failed, naming CREATE_ROLLBACK_COMPLETE and the reason', async () => {
      await start();
      failNextExecution(emulator);
      const settled = await settle(provider(), createRequest());
      expect(settled).toMatchObject({ status: 'failed', failureCode: 'CREATE_ROLLBACK_COMPLETE' });
      expect(settled.reason).toMatch(/^rolled back \(CREATE_ROLLBACK_COMPLETE\): Resource Vpc failed/);
      expect(settled.rawStatus).toContain('stack CREATE_ROLLBACK_COMPLETE');
      // The same failure as a member of the error union.
      expect((settled as { failure?: unknown }).failure).toMatchObject({
        kind: 'provider-fault',
        provider: 'alibaba-ros',
        code: 'CREATE_ROLLBACK_COMPLETE',
        retryable: false,
        message: expect.stringMatching(/rolled back \(CREATE_ROLLBACK_COMPLETE\): Resource Vpc failed/),
      });
    });

    it('should settle a create with DisableRollback as failed at CREATE_FAILED', async () => {
      await start();
      failNextExecution(emulator);
      const settled = await settle(provider(), createRequest({ disableRollback: true }));
      expect(settled).toMatchObject({ status: 'failed', failureCode: 'CREATE_FAILED' });
      expect((settled as { failure?: unknown }).failure).toMatchObject({
        kind: 'provider-fault',
        code: 'CREATE_FAILED',
      });
      expect(settled.reason).toContain('Resource Vpc failed');
    });

    it('should settle a rolled-back update as failed, naming ROLLBACK_COMPLETE', async () => {
      await start();
      const ros = provider();
      const created = await settle(ros, createRequest());
      failNextExecution(emulator);
      const settled = await settle(
        ros,
        createRequest({
          changeSetType: 'UPDATE',
          stackId: created.ref.scope.stackId!,
          changeSetName: 'update',
          templateBody: vpc('10.1.0.0/16'),
        }),
      );
      expect(settled).toMatchObject({ status: 'failed', failureCode: 'ROLLBACK_COMPLETE' });
      expect((settled as { failure?: unknown }).failure).toMatchObject({
        kind: 'provider-fault',
        code: 'ROLLBACK_COMPLETE',
      });
      expect(settled.reason).toContain('rolled back (ROLLBACK_COMPLETE)');
    });
  });
});
