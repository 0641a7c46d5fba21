import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '../_internals/shared/failure-of.spec-support.js';
import { InvalidSeedError } from '../shared/seed-issue.js';
import { startRosEmulator } from './ros-emulator.js';
import type { RosEmulatorOptions } from './ros-emulator-options.js';
import { checkRosSeed, type RosSeed } from './ros-seed.js';
import type { RunningRosEmulator } from './running-ros-emulator.js';

type SdkError = Error & { code?: string; statusCode?: number };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failure = failureOf<SdkError>;
const vpcTemplate = (cidr: string) => ({
  ROSTemplateFormatVersion: '2015-09-01',
  Resources: { Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: cidr } } },
});
const seed: RosSeed = {
  stacks: [
    {
      regionId: 'cn-hangzhou',
      stackName: 'network',
      stackId: '7f9a1c52-1111-4b7e-9d0e-0123456789ab',
      template: vpcTemplate('10.0.0.0/8'),
    },
    {
      regionId: 'cn-beijing',
      stackName: 'network',
      template: "ROSTemplateFormatVersion: '2015-09-01'\n",
      status: 'ROLLBACK_COMPLETE',
    },
  ],
};

describe('ROS emulator seed and control API', () => {
  let emulator: RunningRosEmulator | undefined;
  const running = () => emulator as RunningRosEmulator;
  const start = async (options: RosEmulatorOptions = {}) => {
    emulator = await startRosEmulator({ timing: { createMs: 20, executeMs: 60 }, seed, ...options });
  };
  const client = () =>
    new ROS.default(
      new $OpenApi.$OpenApiUtil.Config({
        ...running().credentials,
        endpoint: new URL(running().endpoint).host,
        protocol: 'http',
        regionId: 'cn-hangzhou',
      }),
    );
  const post = (path: string, body: unknown) =>
    fetch(`${running().endpoint}/_emulator/${path}`, { method: 'POST', body: JSON.stringify(body) });
  const stackOf = async (ros: ROS.default, stackId: string, regionId = 'cn-hangzhou') =>
    (await ros.getStack(new $Ros.GetStackRequest({ regionId, stackId }))).body!;
  const createStack = async (ros: ROS.default, stackName: string) => {
    const created = await ros.createChangeSet(
      new $Ros.CreateChangeSetRequest({
        regionId: 'cn-hangzhou',
        changeSetName: 'cs',
        changeSetType: 'CREATE',
        stackName,
        timeoutInMinutes: 10,
        templateBody: JSON.stringify(vpcTemplate('10.0.0.0/8')),
      }),
    );
    return created.body!;
  };

  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  describe('having a seed', () => {
    it('should hold the seeded stacks per region, and compute an update against the seeded template', async () => {
      await start();
      const ros = client();
      expect(await stackOf(ros, '7f9a1c52-1111-4b7e-9d0e-0123456789ab')).toMatchObject({
        stackName: 'network',
        status: 'CREATE_COMPLETE',
      });
      const beijing = await ros.listStacks(new $Ros.ListStacksRequest({ regionId: 'cn-beijing' }));
      expect(beijing.body?.stacks).toEqual([
        expect.objectContaining({ stackName: 'network', status: 'ROLLBACK_COMPLETE' }),
      ]);
      const update = await ros.createChangeSet(
        new $Ros.CreateChangeSetRequest({
          regionId: 'cn-hangzhou',
          changeSetName: 'u',
          changeSetType: 'UPDATE',
          stackId: '7f9a1c52-1111-4b7e-9d0e-0123456789ab',
          templateBody: JSON.stringify(vpcTemplate('10.1.0.0/16')),
        }),
      );
      await sleep(40);
      const changeSet = await ros.getChangeSet(
        new $Ros.GetChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: update.body!.changeSetId }),
      );
      expect(changeSet.body?.changes).toEqual([
        expect.objectContaining({
          ResourceChange: expect.objectContaining({ Action: 'Modify', LogicalResourceId: 'Vpc' }),
        }),
      ]);
    });

    it('should name every issue of a wrong seed by its path, and refuse to start with it', async () => {
      const wrong = {
        stacks: [
          { regionId: 'cn-hangzhou', stackName: '-bad', template: {}, status: 'UPDATE_IN_PROGRESS' },
          { regionId: 'cn-hangzhou', stackName: 'ok', template: {}, extra: 1 },
        ],
      };
      const checked = checkRosSeed(wrong);
      expect(checked.ok).toBe(false);
      const paths = checked.ok ? [] : checked.issues.map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['stacks[0].stackName', 'stacks[0].status', 'stacks[1]']));
      await expect(startRosEmulator({ seed: wrong as unknown as RosSeed })).rejects.toBeInstanceOf(InvalidSeedError);
      const badTemplate = startRosEmulator({
        seed: { stacks: [{ regionId: 'cn-hangzhou', stackName: 's', template: { ROSTemplateFormatVersion: 'x' } }] },
      });
      await expect(badTemplate).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: 'stacks[0].template' })],
      });
    });
  });

  describe('having scripted failures', () => {
    it('should fail the next execution on a stack (POST /_emulator/failures) and roll it back, once', async () => {
      await start();
      const ros = client();
      const scripted = await post('failures', {
        stackName: 'app',
        phase: 'execute',
        code: 'QuotaExceeded.Vpc',
        reason: 'The VPC quota is used up.',
      });
      expect(scripted.status).toBe(200);
      expect(running().control.state().failures).toEqual([expect.objectContaining({ stackName: 'app', times: 1 })]);
      const { stackId, changeSetId } = await createStack(ros, 'app');
      await sleep(40);
      await ros.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId }));
      await sleep(250);
      const stack = await stackOf(ros, stackId!);
      expect(stack).toMatchObject({ status: 'CREATE_ROLLBACK_COMPLETE', statusReason: 'The VPC quota is used up.' });
      expect(stack.operationInfo).toMatchObject({ code: 'QuotaExceeded.Vpc', logicalResourceId: 'Vpc' });
      expect(running().control.state().failures).toEqual([]);
    });

    it('should fail the next change set of a stack (control.failNext, phase create) with the reason', async () => {
      await start();
      const ros = client();
      running().control.failNext({ stackName: 'app', phase: 'create', reason: 'Resource type not allowed here.' });
      const { changeSetId } = await createStack(ros, 'app');
      await sleep(40);
      const changeSet = await ros.getChangeSet(new $Ros.GetChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId }));
      expect(changeSet.body).toMatchObject({
        status: 'CREATE_FAILED',
        statusReason: 'Resource type not allowed here.',
      });
      expect(() => running().control.failNext({ stackName: '', phase: 'later' } as never)).toThrow(/stackName/);
    });

    it('should refuse a body it cannot use with 400 naming each issue, and answer 404 elsewhere', async () => {
      await start();
      const refused = await post('failures', { stackName: 'app', phase: 'deploy' });
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { issues: { path: string }[] };
      expect(body.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['phase', 'reason']));
      expect((await post('nothing', {})).status).toBe(404);
    });
  });

  describe('having faults, reset and state', () => {
    it('should throttle through POST /_emulator/faults, and reset to the seed', async () => {
      await start();
      const ros = client();
      expect((await post('faults', { kind: 'throttle', operation: 'GetStack', count: 1 })).status).toBe(200);
      const throttled = await failure(
        ros.getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId: 'x' })),
      );
      expect(throttled.code).toBe('Throttling.User');
      await createStack(ros, 'app');
      expect(
        running()
          .stacks()
          .map((stack) => `${stack.regionId}/${stack.stackName}`),
      ).toEqual(['cn-hangzhou/network', 'cn-hangzhou/app', 'cn-beijing/network']);
      expect((await post('reset', {})).status).toBe(200);
      const state = (await (await fetch(`${running().endpoint}/_emulator/state`)).json()) as {
        stacks: { stackName: string; regionId: string }[];
        changeSets: unknown[];
      };
      expect(state.stacks.map((stack) => `${stack.regionId}/${stack.stackName}`)).toEqual([
        'cn-hangzhou/network',
        'cn-beijing/network',
      ]);
      expect(state.changeSets).toEqual([]);
    });
  });
});
