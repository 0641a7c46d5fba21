import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRosEmulator } from './ros-emulator.js';
import type { RunningRosEmulator } from './running-ros-emulator.js';

// GetChangeSet `Changes` as the ROS change-set data-structures page describes them (Change, ResourceChange,
// ResourceChangeDetail, ResourceTargetDefinition), read through the official SDK 3.7.0 client.

const stackId = '0b7c2d11-2222-4c1e-8f00-00000000beef';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const network = (vswitch: Record<string, unknown>, vpc: Record<string, unknown> = {}) => ({
  ROSTemplateFormatVersion: '2015-09-01',
  Parameters: { Zone: { Type: 'String' } },
  Resources: {
    Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: '10.0.0.0/8', VpcName: 'edge', ...vpc } },
    VSwitch: {
      Type: 'ALIYUN::ECS::VSwitch',
      Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24', ZoneId: { Ref: 'Zone' }, ...vswitch },
    },
    Bucket: { Type: 'ALIYUN::OSS::Bucket', Properties: { BucketName: 'edge-logs' } },
  },
});

describe('ROS emulator GetChangeSet Changes', () => {
  let emulator: RunningRosEmulator;
  let ros: ROS.default;
  beforeEach(async () => {
    emulator = await startRosEmulator({
      timing: { createMs: 20, executeMs: 20 },
      seed: {
        stacks: [
          {
            regionId: 'cn-hangzhou',
            stackName: 'edge',
            stackId,
            template: network({}),
            parameters: { Zone: 'cn-hangzhou-h' },
          },
        ],
      },
    });
    ros = new ROS.default(
      new $OpenApi.$OpenApiUtil.Config({
        ...emulator.credentials,
        endpoint: new URL(emulator.endpoint).host,
        protocol: 'http',
        regionId: 'cn-hangzhou',
      }),
    );
  });
  afterEach(async () => {
    await emulator.close();
  });

  const changesOf = async (template: object, zone = 'cn-hangzhou-h') => {
    const created = await ros.createChangeSet(
      new $Ros.CreateChangeSetRequest({
        regionId: 'cn-hangzhou',
        changeSetName: `u${Date.now()}`,
        changeSetType: 'UPDATE',
        stackId,
        templateBody: JSON.stringify(template),
        parameters: [new $Ros.CreateChangeSetRequestParameters({ parameterKey: 'Zone', parameterValue: zone })],
      }),
    );
    await sleep(60);
    const got = await ros.getChangeSet(
      new $Ros.GetChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: created.body!.changeSetId }),
    );
    return got.body?.changes;
  };
  const target = (Name: string, RequiresRecreation: 'Always' | 'Never') => ({
    ChangeSource: 'DirectModification',
    Evaluation: 'Static',
    Target: { Attribute: 'Properties', Name, RequiresRecreation },
  });

  describe('having a property that replaces the resource and one that does not', () => {
    it('should list each with its target, and Replacement True only for the replaced resource', async () => {
      const changes = await changesOf(network({ CidrBlock: '10.0.2.0/24' }, { VpcName: 'edge-2' }));
      expect(changes).toEqual([
        {
          Type: 'Resource',
          ResourceChange: {
            Action: 'Modify',
            LogicalResourceId: 'Vpc',
            PhysicalResourceId: expect.stringMatching(/^vpc-[0-9a-f]{20}$/),
            ResourceType: 'ALIYUN::ECS::VPC',
            Replacement: 'False',
            Scope: ['Properties'],
            Details: [target('VpcName', 'Never')],
          },
        },
        {
          Type: 'Resource',
          ResourceChange: {
            Action: 'Modify',
            LogicalResourceId: 'VSwitch',
            PhysicalResourceId: expect.stringMatching(/^vswitch-[0-9a-f]{20}$/),
            ResourceType: 'ALIYUN::ECS::VSwitch',
            Replacement: 'True',
            Scope: ['Properties'],
            Details: [target('CidrBlock', 'Always')],
          },
        },
      ]);
    });
  });

  describe('having a parameter given another value', () => {
    it('should modify only the resource that refers to it, naming the parameter', async () => {
      const changes = await changesOf(network({}), 'cn-hangzhou-i');
      expect(changes).toEqual([
        {
          Type: 'Resource',
          ResourceChange: expect.objectContaining({
            Action: 'Modify',
            LogicalResourceId: 'VSwitch',
            Replacement: 'True',
            Details: [
              {
                ChangeSource: 'ParameterReference',
                CausingEntity: 'Zone',
                Evaluation: 'Static',
                Target: { Attribute: 'Properties', Name: 'ZoneId', RequiresRecreation: 'Always' },
              },
            ],
          }),
        },
      ]);
    });
  });

  describe('having a resource added, one removed and an attribute other than Properties changed', () => {
    it('should give Add without a physical id, Remove with it, and the attribute in Scope', async () => {
      const { Resources } = network({});
      const changes = await changesOf({
        ...network({}),
        Resources: {
          Vpc: { ...Resources.Vpc, DeletionPolicy: 'Retain' },
          VSwitch: Resources.VSwitch,
          Eip: { Type: 'ALIYUN::VPC::EIP', Properties: {} },
        },
      });
      expect(changes).toEqual([
        {
          Type: 'Resource',
          ResourceChange: expect.objectContaining({
            Action: 'Modify',
            LogicalResourceId: 'Vpc',
            Replacement: 'False',
            Scope: ['DeletionPolicy'],
            Details: [
              {
                ChangeSource: 'DirectModification',
                Evaluation: 'Static',
                Target: { Attribute: 'DeletionPolicy', RequiresRecreation: 'Never' },
              },
            ],
          }),
        },
        {
          Type: 'Resource',
          ResourceChange: { Action: 'Add', LogicalResourceId: 'Eip', ResourceType: 'ALIYUN::VPC::EIP' },
        },
        {
          Type: 'Resource',
          ResourceChange: {
            Action: 'Remove',
            LogicalResourceId: 'Bucket',
            PhysicalResourceId: expect.stringMatching(/^bucket-/),
            ResourceType: 'ALIYUN::OSS::Bucket',
          },
        },
      ]);
    });
  });
});
