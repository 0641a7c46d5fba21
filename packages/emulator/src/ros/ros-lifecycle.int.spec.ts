import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '../_internals/shared/failure-of.spec-support.js';
import { startRosEmulator } from './ros-emulator.js';
import type { RosEmulatorOptions } from './ros-emulator-options.js';
import type { RunningRosEmulator } from './running-ros-emulator.js';

// What ROS does after the request, through the official SDK client. Sources:
// - stack statuses: GetStack page (https://www.alibabacloud.com/help/doc-detail/132088.htm) and the SDK's own
//   GetStackRequest.ShowResourceProgress doc: "During a creation operation, a stack is in one of the following
//   states: CREATE_IN_PROGRESS, CREATE_COMPLETE, CREATE_FAILED, CREATE_ROLLBACK_IN_PROGRESS,
//   CREATE_ROLLBACK_COMPLETE, and CREATE_ROLLBACK_FAILED"; ROLLBACK_* are "the resources of the stack" rolled back.
// - DisableRollback: CreateStack page (https://www.alibabacloud.com/help/doc-detail/132086.htm); an update rolls
//   back "regardless of DisableRollback" (UpdateStack page).
// - 200 stacks: CreateStack page, "Each Alibaba Cloud account can create up to 200 stacks".
// - RegionId: required by every action ("The region ID of the stack/change set").

type SdkError = Error & { code?: string; statusCode?: number };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failure = failureOf<SdkError>;
const vpc = (cidr = '10.0.0.0/8') => ({ Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: cidr } });
/** The next execution on stack `stack` fails (control API), as a resource failure of its first resource. */
const failNextExecution = (emulator: RunningRosEmulator) =>
  emulator.control.failNext({ stackName: 'stack', phase: 'execute', reason: 'Resource Vpc failed to be created.' });
const template = (resource: object, description?: string) =>
  JSON.stringify({
    ROSTemplateFormatVersion: '2015-09-01',
    ...(description ? { Description: description } : {}),
    Resources: { Vpc: resource },
  });

describe('ROS lifecycle after the request', () => {
  let emulator: RunningRosEmulator;
  const start = async (options: RosEmulatorOptions = {}) => {
    emulator = await startRosEmulator({ timing: { createMs: 20, executeMs: 200 }, ...options });
  };
  const client = () =>
    new ROS.default(
      new $OpenApi.$OpenApiUtil.Config({
        ...emulator.credentials,
        endpoint: new URL(emulator.endpoint).host,
        protocol: 'http',
        regionId: 'cn-hangzhou',
      }),
    );
  const create = (ros: ROS.default, fields: Partial<$Ros.CreateChangeSetRequest>) =>
    ros.createChangeSet(
      new $Ros.CreateChangeSetRequest({
        regionId: 'cn-hangzhou',
        changeSetName: 'cs',
        changeSetType: 'CREATE',
        stackName: 'stack',
        timeoutInMinutes: 10,
        templateBody: template(vpc()),
        ...fields,
      }),
    );
  const execute = (ros: ROS.default, changeSetId: string, regionId = 'cn-hangzhou') =>
    ros.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId, changeSetId }));
  /** Every stack status seen, in order, until one ends with `_COMPLETE` or the wait is over. */
  const statusesUntilSettled = async (ros: ROS.default, stackId: string, settled: (status: string) => boolean) => {
    const seen: string[] = [];
    for (let polls = 0; polls < 400; polls += 1) {
      const status = (await ros.getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId }))).body!.status!;
      if (seen.at(-1) !== status) seen.push(status);
      if (settled(status)) break;
      await sleep(10);
    }
    return seen;
  };
  const changeSetOf = async (ros: ROS.default, changeSetId: string) =>
    (await ros.getChangeSet(new $Ros.GetChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId }))).body!;

  afterEach(async () => {
    await emulator?.close();
  });

  describe('having a property named like the removed failure marker', () => {
    it('should execute as any other property: only the control API makes an execution fail', async () => {
      await start();
      const ros = client();
      const marked = { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: '10.0.0.0/8', EmulatorOutcome: 'FAIL' } };
      const { changeSetId, stackId } = (await create(ros, { templateBody: template(marked) })).body!;
      await sleep(40);
      await execute(ros, changeSetId!);
      const seen = await statusesUntilSettled(ros, stackId!, (status) => !status.endsWith('_IN_PROGRESS'));
      expect(seen).toEqual(['CREATE_IN_PROGRESS', 'CREATE_COMPLETE']);
    });
  });

  describe('having a create that fails', () => {
    it('should go CREATE_IN_PROGRESS -> CREATE_FAILED -> CREATE_ROLLBACK_IN_PROGRESS -> CREATE_ROLLBACK_COMPLETE', async () => {
      await start();
      const ros = client();
      failNextExecution(emulator);
      const { changeSetId, stackId } = (await create(ros, { templateBody: template(vpc()) })).body!;
      await sleep(40);
      await execute(ros, changeSetId!);
      const seen = await statusesUntilSettled(ros, stackId!, (status) => status === 'CREATE_ROLLBACK_COMPLETE');
      expect(seen).toEqual([
        'CREATE_IN_PROGRESS',
        'CREATE_FAILED',
        'CREATE_ROLLBACK_IN_PROGRESS',
        'CREATE_ROLLBACK_COMPLETE',
      ]);
      const stack = (await ros.getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId }))).body!;
      expect(stack.statusReason).toContain('Vpc failed');
      expect((await changeSetOf(ros, changeSetId!)).executionStatus).toBe('EXECUTE_FAILED');
    });

    it('should stay CREATE_FAILED with DisableRollback', async () => {
      await start();
      const ros = client();
      failNextExecution(emulator);
      const { changeSetId, stackId } = (await create(ros, { templateBody: template(vpc()), disableRollback: true }))
        .body!;
      await sleep(40);
      await execute(ros, changeSetId!);
      const seen = await statusesUntilSettled(ros, stackId!, (status) => status === 'CREATE_FAILED');
      expect(seen).toEqual(['CREATE_IN_PROGRESS', 'CREATE_FAILED']);
      await sleep(450); // longer than a rollback would take: nothing follows
      const stack = (await ros.getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId }))).body!;
      expect(stack.status).toBe('CREATE_FAILED');
      expect((await changeSetOf(ros, changeSetId!)).executionStatus).toBe('EXECUTE_FAILED');
    });
  });

  describe('having an update that fails', () => {
    it('should go UPDATE_IN_PROGRESS -> UPDATE_FAILED -> ROLLBACK_IN_PROGRESS -> ROLLBACK_COMPLETE, even with DisableRollback', async () => {
      await start();
      const ros = client();
      const created = (await create(ros, { disableRollback: true })).body!;
      await sleep(40);
      await execute(ros, created.changeSetId!);
      await statusesUntilSettled(ros, created.stackId!, (status) => status === 'CREATE_COMPLETE');
      const update = (
        await create(ros, {
          changeSetName: 'update',
          changeSetType: 'UPDATE',
          stackId: created.stackId,
          templateBody: template(vpc('10.1.0.0/16'), 'the failed update'),
        })
      ).body!;
      failNextExecution(emulator);
      await sleep(40);
      await execute(ros, update.changeSetId!);
      const seen = await statusesUntilSettled(ros, created.stackId!, (status) => status === 'ROLLBACK_COMPLETE');
      expect(seen).toEqual(['UPDATE_IN_PROGRESS', 'UPDATE_FAILED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_COMPLETE']);
      const stack = (
        await ros.getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId: created.stackId }))
      ).body!;
      // The stack keeps what it had: the failed template was never applied.
      expect(stack.templateDescription ?? '').not.toContain('the failed update');
      expect((await changeSetOf(ros, update.changeSetId!)).executionStatus).toBe('EXECUTE_FAILED');
      expect((await changeSetOf(ros, created.changeSetId!)).executionStatus).toBe('EXECUTE_COMPLETE');
    });
  });

  describe('having many stacks', () => {
    it('should refuse a new stack past the account limit with LimitExceeded.Stack, every region counted, until one is deleted', async () => {
      await start({ limits: { stacksPerAccount: 2 } });
      const ros = client();
      const first = (await create(ros, { stackName: 'one' })).body!;
      await create(ros, { stackName: 'two', regionId: 'cn-beijing' });
      const refused = await failure(create(ros, { stackName: 'three' }));
      expect(refused).toMatchObject({ code: 'LimitExceeded.Stack', statusCode: 400 });
      await ros.deleteStack(new $Ros.DeleteStackRequest({ regionId: 'cn-hangzhou', stackId: first.stackId }));
      expect((await create(ros, { stackName: 'three' })).body?.stackId).toBeDefined();
    });

    it('should hold 200 stacks by default', async () => {
      await start();
      const ros = client();
      for (let n = 0; n < 200; n += 1) await create(ros, { stackName: `stack-${n}` });
      expect(await failure(create(ros, { stackName: 'one-too-many' }))).toMatchObject({ code: 'LimitExceeded.Stack' });
    });
  });

  describe('having two regions', () => {
    it('should keep stacks and change sets per RegionId', async () => {
      await start();
      const ros = client();
      const here = (await create(ros, {})).body!;
      const there = (await create(ros, { regionId: 'cn-beijing' })).body!; // the same name is free in another region
      const fromBeijing = await failure(
        ros.getStack(new $Ros.GetStackRequest({ regionId: 'cn-beijing', stackId: here.stackId })),
      );
      expect(fromBeijing.code).toBe('StackNotFound');
      const changeSetFromBeijing = await failure(
        ros.getChangeSet(new $Ros.GetChangeSetRequest({ regionId: 'cn-beijing', changeSetId: here.changeSetId })),
      );
      expect(changeSetFromBeijing.code).toBe('ChangeSetNotFound');
      const listed = await ros.listStacks(new $Ros.ListStacksRequest({ regionId: 'cn-beijing' }));
      expect(listed.body?.stacks?.map((stack) => stack.stackId)).toEqual([there.stackId]);
      await sleep(40);
      expect(await failure(execute(ros, here.changeSetId!, 'cn-beijing'))).toMatchObject({ code: 'ChangeSetNotFound' });
      await execute(ros, there.changeSetId!, 'cn-beijing');
      expect((await changeSetOf(ros, here.changeSetId!)).executionStatus).toBe('AVAILABLE');
    });
  });
});
