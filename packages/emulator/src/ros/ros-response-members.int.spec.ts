// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${Name}` is the ROS Fn::Sub syntax.
import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRosEmulator } from './ros-emulator.js';
import type { RunningRosEmulator } from './running-ros-emulator.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const regionId = 'cn-hangzhou';
const yamlTemplate = [
  "ROSTemplateFormatVersion: '2015-09-01'",
  'Description: A network for the response members.',
  'Parameters:',
  '  Cidr: {Type: String, Default: 10.0.0.0/8}',
  'Resources:',
  '  Vpc:',
  '    Type: ALIYUN::ECS::VPC',
  '    Properties: {CidrBlock: !Ref Cidr}',
  'Outputs:',
  '  VpcId:',
  '    Description: The VPC.',
  '    Value: !Ref Vpc',
  '  Where:',
  "    Value: !Sub '${Cidr} in ${ALIYUN::Region}'",
].join('\n');

describe('ROS emulator answers: every SDK 3.7.0 member, and parameters that only take effect for another type', () => {
  let emulator: RunningRosEmulator;
  let ros: ROS.default;
  beforeEach(async () => {
    emulator = await startRosEmulator({ timing: { createMs: 10, executeMs: 10 } });
    ros = new ROS.default(
      new $OpenApi.$OpenApiUtil.Config({
        ...emulator.credentials,
        endpoint: new URL(emulator.endpoint).host,
        protocol: 'http',
        regionId,
      }),
    );
  });
  afterEach(async () => {
    await emulator.close();
  });
  const settle = async <T>(read: () => Promise<T>, done: (value: T) => boolean) => {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const value = await read();
      if (done(value)) return value;
      await sleep(10);
    }
    throw new Error('did not settle');
  };
  const getChangeSet = async (changeSetId: string) =>
    (await ros.getChangeSet(new $Ros.GetChangeSetRequest({ regionId, changeSetId }))).body!;
  const getStack = async (stackId: string, fields: Partial<$Ros.GetStackRequest> = {}) =>
    (await ros.getStack(new $Ros.GetStackRequest({ regionId, stackId, ...fields }))).body!;
  const createAndExecute = async (fields: Partial<$Ros.CreateChangeSetRequest>) => {
    const { changeSetId, stackId } = (
      await ros.createChangeSet(
        new $Ros.CreateChangeSetRequest({
          regionId,
          changeSetName: 'members',
          changeSetType: 'CREATE',
          stackName: 'members',
          templateBody: yamlTemplate,
          timeoutInMinutes: 45,
          ...fields,
        }),
      )
    ).body!;
    await settle(
      () => getChangeSet(changeSetId!),
      (body) => body.status === 'CREATE_COMPLETE',
    );
    await ros.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId, changeSetId }));
    await settle(
      () => getStack(stackId!),
      (body) => body.status === 'CREATE_COMPLETE',
    );
    return { changeSetId: changeSetId!, stackId: stackId! };
  };
  const tags = [
    new $Ros.CreateChangeSetRequestTags({ key: 'team', value: 'platform' }),
    new $Ros.CreateChangeSetRequestTags({ key: 'cost-center' }),
  ];

  it('should show in GetStack what CreateChangeSet gave, the evaluated Outputs and the pseudo parameters', async () => {
    const { stackId } = await createAndExecute({
      tags,
      notificationURLs: ['http://example.com/ros-notify', 'eventbridge'],
      ramRoleName: 'ros-deployer',
      resourceGroupId: 'rg-acfmteam0001',
      disableRollback: true,
      parallelism: 4,
    });
    const stack = await getStack(stackId);
    expect(stack).toMatchObject({
      stackId,
      stackName: 'members',
      stackType: 'ROS',
      regionId,
      status: 'CREATE_COMPLETE',
      statusReason: 'Stack CREATE completed successfully',
      description: 'A network for the response members.',
      templateDescription: 'A network for the response members.',
      disableRollback: true,
      timeoutInMinutes: 45,
      ramRoleName: 'ros-deployer',
      resourceGroupId: 'rg-acfmteam0001',
      notificationURLs: ['http://example.com/ros-notify', 'eventbridge'],
      tags: [{ key: 'team', value: 'platform' }, { key: 'cost-center' }],
      deletionProtection: 'Disabled',
      serviceManaged: false,
    });
    expect(stack.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(stack.updateTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(stack.outputs).toEqual([
      { OutputKey: 'VpcId', OutputValue: expect.stringMatching(/^vpc-[0-9a-f]{20}$/), Description: 'The VPC.' },
      { OutputKey: 'Where', OutputValue: '10.0.0.0/8 in cn-hangzhou' },
    ]);
    const parameters = Object.fromEntries(
      (stack.parameters ?? []).map((parameter) => [parameter.parameterKey, parameter.parameterValue]),
    );
    expect(parameters).toEqual({
      Cidr: '10.0.0.0/8',
      'ALIYUN::AccountId': expect.stringMatching(/^\d{16}$/),
      'ALIYUN::TenantId': expect.stringMatching(/^\d{16}$/),
      'ALIYUN::NoValue': 'None',
      'ALIYUN::Region': regionId,
      'ALIYUN::StackId': stackId,
      'ALIYUN::StackName': 'members',
    });
    expect(stack.resourceProgress).toBeUndefined();
  });

  it('should show ResourceProgress as asked, and leave Outputs out with OutputOption Disabled', async () => {
    const { stackId } = await createAndExecute({});
    const stack = await getStack(stackId, { showResourceProgress: 'EnabledIfCreateStack', outputOption: 'Disabled' });
    expect(stack.outputs).toBeUndefined();
    expect(stack.resourceProgress).toMatchObject({
      totalResourceCount: 1,
      successResourceCount: 1,
      failedResourceCount: 0,
      stackActionProgress: 100,
    });
    const percentages = await getStack(stackId, { showResourceProgress: 'PercentageOnly' });
    expect(percentages.resourceProgress).toEqual({ stackOperationProgress: 100, stackActionProgress: 100 });
    expect(percentages.outputs).toHaveLength(2);
    const refused = await getStack(stackId, { showResourceProgress: 'true' }).then(
      () => undefined,
      (error: unknown) => error as Error & { code?: string },
    );
    expect(refused?.code).toBe('InvalidParameter');
    expect(refused?.message).toContain('ShowResourceProgress');
    expect(stack.resourceGroupId).toMatch(/^rg-/);
  });

  it('should keep the Tags given at creation in GetChangeSet and ListChangeSets, with ResourceGroupId and Description', async () => {
    const { changeSetId, stackId } = await createAndExecute({
      tags,
      description: 'first network',
      resourceGroupId: 'rg-acfmteam0001',
    });
    const changeSet = await getChangeSet(changeSetId);
    expect(changeSet).toMatchObject({
      changeSetId,
      changeSetName: 'members',
      changeSetType: 'CREATE',
      description: 'first network',
      resourceGroupId: 'rg-acfmteam0001',
      timeoutInMinutes: 45,
      disableRollback: false,
      tags: [{ key: 'team', value: 'platform' }, { key: 'cost-center' }],
    });
    expect(changeSet.parameters?.map((parameter) => parameter.parameterKey)).toContain('ALIYUN::StackName');
    const listed = (await ros.listChangeSets(new $Ros.ListChangeSetsRequest({ regionId, stackId }))).body!;
    expect(listed.changeSets).toEqual([
      expect.objectContaining({
        changeSetId,
        description: 'first network',
        resourceGroupId: 'rg-acfmteam0001',
        tags: [{ key: 'team', value: 'platform' }, { key: 'cost-center' }],
      }),
    ]);
    const stacks = (await ros.listStacks(new $Ros.ListStacksRequest({ regionId }))).body!;
    expect(stacks.stacks).toEqual([
      expect.objectContaining({
        stackId,
        stackType: 'ROS',
        disableRollback: false,
        timeoutInMinutes: 45,
        resourceGroupId: 'rg-acfmteam0001',
        tags: [{ key: 'team', value: 'platform' }, { key: 'cost-center' }],
      }),
    ]);
  });

  it('should explain a failed creation in GetStack OperationInfo', async () => {
    emulator.control.failNext({ stackName: 'failing', phase: 'execute', reason: 'Resource Vpc failed to be created.' });
    const { changeSetId, stackId } = (
      await ros.createChangeSet(
        new $Ros.CreateChangeSetRequest({
          regionId,
          changeSetName: 'failing',
          changeSetType: 'CREATE',
          stackName: 'failing',
          templateBody: yamlTemplate,
          timeoutInMinutes: 10,
          disableRollback: true,
        }),
      )
    ).body!;
    await settle(
      () => getChangeSet(changeSetId!),
      (body) => body.status === 'CREATE_COMPLETE',
    );
    await ros.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId, changeSetId }));
    const stack = await settle(
      () => getStack(stackId!),
      (body) => body.status === 'CREATE_FAILED',
    );
    expect(stack.operationInfo).toMatchObject({
      action: 'Create',
      logicalResourceId: 'Vpc',
      resourceType: 'ALIYUN::ECS::VPC',
      message: stack.statusReason,
    });
    expect(stack.outputs).toBeUndefined();
  });

  it('should give a Terraform change set and stack their Terraform logs', async () => {
    const terraform = JSON.stringify({
      ROSTemplateFormatVersion: '2015-09-01',
      Transform: 'Aliyun::Terraform-v1.5',
      Workspace: { 'main.tf': 'resource "alicloud_vpc" "vpc" {\n  cidr_block = "10.0.0.0/8"\n}\n' },
    });
    const { changeSetId, stackId } = await createAndExecute({ templateBody: terraform });
    expect((await getChangeSet(changeSetId)).log?.terraformLogs).toEqual([
      { command: 'plan', stream: 'stdout', content: 'Plan: 1 to add, 0 to change, 0 to destroy.' },
    ]);
    const stack = await getStack(stackId);
    expect(stack.stackType).toBe('Terraform');
    expect(stack.log?.terraformLogs?.[0]?.command).toBe('apply');
  });

  it('should ignore, not refuse, what takes effect only for another change set type', async () => {
    const { stackId } = await createAndExecute({
      stackId: 'some-other-stack', // UPDATE or IMPORT only
      usePreviousParameters: true, // UPDATE or IMPORT only
      replacementOption: 'Enabled', // UPDATE only
      stackPolicyDuringUpdateBody: '{"Statement": []}', // UPDATE only
      stackPolicyBody: '{"Statement": []}',
      templateVersion: 'v3', // with TemplateId only
      resourcesToImport: [
        new $Ros.CreateChangeSetRequestResourcesToImport({
          resourceType: 'ALIYUN::ECS::VPC',
          logicalResourceId: 'Vpc',
          resourceIdentifier: '{"VpcId": "vpc-1"}',
        }),
      ], // IMPORT only
    });
    const stack = await getStack(stackId);
    expect(stack.stackName).toBe('members');
    expect(stack.templateVersion).toBeUndefined();
    const update = (
      await ros.createChangeSet(
        new $Ros.CreateChangeSetRequest({
          regionId,
          changeSetName: 'update',
          changeSetType: 'UPDATE',
          stackId,
          stackName: 'ignored-for-update',
          disableRollback: true, // CREATE or IMPORT only
          templateBody: yamlTemplate,
          parameters: [
            new $Ros.CreateChangeSetRequestParameters({ parameterKey: 'Cidr', parameterValue: '10.1.0.0/16' }),
          ],
        }),
      )
    ).body!;
    const changeSet = await settle(
      () => getChangeSet(update.changeSetId!),
      (body) => body.status === 'CREATE_COMPLETE',
    );
    expect(changeSet).toMatchObject({ stackName: 'members', disableRollback: false, executionStatus: 'AVAILABLE' });
  });

  it.each([
    ['DisableRollback=no', { disableRollback: 'no' }, 'DisableRollback'],
    ['UsePreviousParameters=1', { usePreviousParameters: 1 }, 'UsePreviousParameters'],
    ['TimeoutInMinutes=ten', { timeoutInMinutes: 'ten' }, 'TimeoutInMinutes'],
    ['Parallelism=2.5', { parallelism: 2.5 }, 'Parallelism'],
  ])('should refuse %s as InvalidParameter naming it', async (_, fields, name) => {
    const error = await ros
      .createChangeSet(
        new $Ros.CreateChangeSetRequest({
          regionId,
          changeSetName: 'typed',
          changeSetType: 'CREATE',
          stackName: 'typed',
          templateBody: yamlTemplate,
          timeoutInMinutes: 10,
          ...(fields as object),
        }),
      )
      .then(
        () => undefined,
        (caught: unknown) => caught as Error & { code?: string },
      );
    expect(error?.code).toBe('InvalidParameter');
    expect(error?.message).toContain(`"${name}"`);
    expect(emulator.changeSets()).toEqual([]);
  });

  it('should refuse a GetChangeSet ShowTemplate that is not a Boolean', async () => {
    const { changeSetId } = await createAndExecute({});
    const error = await ros
      .getChangeSet(new $Ros.GetChangeSetRequest({ regionId, changeSetId, showTemplate: 'yes' as unknown as boolean }))
      .then(
        () => undefined,
        (caught: unknown) => caught as Error & { code?: string },
      );
    expect(error?.code).toBe('InvalidParameter');
    expect(error?.message).toContain('ShowTemplate');
  });
});
