import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '../_internals/shared/failure-of.spec-support.js';
import { startRosEmulator } from './ros-emulator.js';
import type { RosEmulatorOptions } from './ros-emulator-options.js';
import type { RunningRosEmulator } from './running-ros-emulator.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const template = (
  resources: object = { Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: '10.0.0.0/8' } } },
  extra: object = {},
) => JSON.stringify({ ROSTemplateFormatVersion: '2015-09-01', Resources: resources, ...extra });

type SdkError = Error & { code?: string; statusCode?: number; retryAfter?: number; requestId?: string };

describe('startRosEmulator', () => {
  let emulator: RunningRosEmulator;
  const start = async (options: RosEmulatorOptions = {}) => {
    emulator = await startRosEmulator({ timing: { createMs: 40, executeMs: 60 }, ...options });
    return emulator;
  };
  const client = (secret?: string, accessKeyId?: string) =>
    new ROS.default(
      new $OpenApi.$OpenApiUtil.Config({
        accessKeyId: accessKeyId ?? emulator.credentials.accessKeyId,
        accessKeySecret: secret ?? emulator.credentials.accessKeySecret,
        endpoint: new URL(emulator.endpoint).host,
        protocol: 'http',
        regionId: emulator.regionId,
      }),
    );
  const createRequest = (fields: Partial<$Ros.CreateChangeSetRequest> = {}) =>
    new $Ros.CreateChangeSetRequest({
      regionId: 'cn-hangzhou',
      changeSetName: 'cs1',
      changeSetType: 'CREATE',
      stackName: 'stack1',
      templateBody: template(),
      timeoutInMinutes: 10,
      ...fields,
    });
  const failure = failureOf<SdkError>;
  const settleCreate = () => sleep(70);

  afterEach(async () => {
    await emulator?.close();
  });

  describe('having a CREATE change set', () => {
    it('should go CREATE_PENDING -> CREATE_COMPLETE/AVAILABLE, execute, and leave the stack CREATE_COMPLETE', async () => {
      // Long enough phases that each intermediate state is seen even on a loaded machine; the ends are polled.
      await start({ timing: { createMs: 1_000, executeMs: 500 } });
      const ros = client();
      const created = await ros.createChangeSet(createRequest());
      const { changeSetId, stackId } = created.body!;
      const get = () => ros.getChangeSet(new $Ros.GetChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId }));
      expect((await get()).body).toMatchObject({ status: 'CREATE_PENDING', executionStatus: 'UNAVAILABLE' });
      expect((await ros.getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId }))).body?.status).toBe(
        'REVIEW_IN_PROGRESS',
      );
      let ready = (await get()).body!;
      while (ready.status === 'CREATE_PENDING' || ready.status === 'CREATE_IN_PROGRESS') {
        await sleep(20);
        ready = (await get()).body!;
      }
      expect(ready).toMatchObject({ status: 'CREATE_COMPLETE', executionStatus: 'AVAILABLE', changeSetType: 'CREATE' });
      expect(ready.changes).toEqual([
        expect.objectContaining({
          ResourceChange: expect.objectContaining({ Action: 'Add', LogicalResourceId: 'Vpc' }),
        }),
      ]);
      await ros.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId }));
      expect((await ros.getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId }))).body?.status).toBe(
        'CREATE_IN_PROGRESS',
      );
      const stackStatus = async () =>
        (await ros.getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId }))).body?.status;
      let status = await stackStatus();
      while (status === 'CREATE_IN_PROGRESS') {
        await sleep(20);
        status = await stackStatus();
      }
      expect(status).toBe('CREATE_COMPLETE');
      expect((await get()).body?.executionStatus).toBe('EXECUTE_COMPLETE');
    });

    // DeleteChangeSet page (https://www.alibabacloud.com/help/en/ros/developer-reference/api-ros-2019-09-10-deletechangeset):
    // "After a change set is executed, other change sets associated with the same stack ... are also deleted."
    it("should delete the stack's other never-executed change sets when one is executed, leaving an executed one as it is", async () => {
      await start();
      const ros = client();
      const { stackId, changeSetId } = (await ros.createChangeSet(createRequest())).body!;
      await settleCreate();
      await ros.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId }));
      await sleep(90);
      const update = (name: string, cidr: string) =>
        ros.createChangeSet(
          new $Ros.CreateChangeSetRequest({
            regionId: 'cn-hangzhou',
            changeSetName: name,
            changeSetType: 'UPDATE',
            stackId,
            templateBody: template({ Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: cidr } } }),
          }),
        );
      const a = (await update('a', '10.1.0.0/16')).body!.changeSetId!;
      const b = (await update('b', '10.2.0.0/16')).body!.changeSetId!;
      await settleCreate();
      await ros.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: a }));
      const get = (id: string) =>
        ros.getChangeSet(new $Ros.GetChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: id }));
      expect((await get(b)).body).toMatchObject({ status: 'DELETE_COMPLETE', executionStatus: 'AVAILABLE' });
      expect((await get(changeSetId!)).body).toMatchObject({
        status: 'CREATE_COMPLETE',
        executionStatus: 'EXECUTE_COMPLETE',
      });
      const listed = await ros.listChangeSets(new $Ros.ListChangeSetsRequest({ regionId: 'cn-hangzhou', stackId }));
      expect(listed.body?.changeSets?.map((changeSet) => changeSet.changeSetName).sort()).toEqual(['a', 'cs1']);
      const busy = await failure(
        ros.createChangeSet(
          new $Ros.CreateChangeSetRequest({
            regionId: 'cn-hangzhou',
            changeSetName: 'c',
            changeSetType: 'UPDATE',
            stackId,
            templateBody: template(),
          }),
        ),
      );
      expect(busy).toMatchObject({ code: 'ActionInProgress', statusCode: 409 });
      expect(busy.name).toBe('ClientError');
    });

    it('should end CREATE_FAILED with a StatusReason for a template with a bad reference', async () => {
      await start();
      const ros = client();
      const { changeSetId } = (
        await ros.createChangeSet(
          createRequest({
            templateBody: template({ Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: { Ref: 'Nope' } } } }),
          }),
        )
      ).body!;
      await settleCreate();
      const failed = (await ros.getChangeSet(new $Ros.GetChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId })))
        .body!;
      expect(failed.status).toBe('CREATE_FAILED');
      expect(failed.statusReason).toContain('Nope');
    });

    it('should answer an UPDATE without changes CREATE_COMPLETE with nothing to execute', async () => {
      await start();
      const ros = client();
      const { stackId, changeSetId } = (await ros.createChangeSet(createRequest())).body!;
      await settleCreate();
      await ros.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId }));
      await sleep(90);
      const same = await ros.createChangeSet(
        new $Ros.CreateChangeSetRequest({
          regionId: 'cn-hangzhou',
          changeSetName: 'same',
          changeSetType: 'UPDATE',
          stackId,
          templateBody: template(),
        }),
      );
      await settleCreate();
      const body = (
        await ros.getChangeSet(
          new $Ros.GetChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: same.body!.changeSetId }),
        )
      ).body!;
      expect(body).toMatchObject({ status: 'CREATE_COMPLETE', executionStatus: 'UNAVAILABLE', changes: [] });
      expect(body.statusReason).toContain("didn't contain changes");
    });
  });

  describe('having request limits', () => {
    it.each([
      ['no ChangeSetName', { changeSetName: undefined }, 'MissingParameter'],
      ['a ChangeSetName starting with a hyphen', { changeSetName: '-x' }, 'InvalidParameter'],
      ['a ChangeSetName of 256 characters', { changeSetName: 'a'.repeat(256) }, 'InvalidParameter'],
      ['CREATE without StackName', { stackName: undefined }, 'MissingParameter'],
      ['CREATE without TimeoutInMinutes', { timeoutInMinutes: undefined }, 'MissingParameter'],
      ['two template sources', { templateURL: 'oss://ros/template/demo' }, 'InvalidParameter'],
      ['no template', { templateBody: undefined }, 'InvalidParameter'],
      [
        'a template over 524,288 bytes',
        { templateBody: template({}, { Description: 'x'.repeat(524_288) }) },
        'InvalidParameter',
      ],
      [
        '201 parameters',
        {
          parameters: Array.from(
            { length: 201 },
            (_, n) => new $Ros.CreateChangeSetRequestParameters({ parameterKey: `P${n}`, parameterValue: 'v' }),
          ),
        },
        'InvalidParameter',
      ],
      [
        '6 notification URLs',
        { notificationURLs: Array.from({ length: 6 }, (_, n) => `http://example.com/${n}`) },
        'InvalidParameter',
      ],
      ['a timeout of 9 minutes', { timeoutInMinutes: 9 }, 'InvalidParameter'],
      ['a timeout of 1441 minutes', { timeoutInMinutes: 1441 }, 'InvalidParameter'],
      ['two stack policies', { stackPolicyBody: '{}', stackPolicyURL: 'oss://ros/p' }, 'InvalidParameter'],
      ['a description over 1,024 bytes', { description: 'd'.repeat(1_025) }, 'InvalidParameter'],
      ['a ClientToken of 65 characters', { clientToken: 't'.repeat(65) }, 'InvalidParameter'],
      ['a ClientToken with a dot', { clientToken: 'a.b' }, 'InvalidParameter'],
      [
        '21 tags',
        {
          tags: Array.from({ length: 21 }, (_, n) => new $Ros.CreateChangeSetRequestTags({ key: `k${n}`, value: 'v' })),
        },
        'InvalidParameter',
      ],
      ['a template that is neither JSON nor YAML', { templateBody: '{nope' }, 'InvalidSchema'],
      ['a YAML template with a tab-indented key', { templateBody: 'A:\n\tB: 1' }, 'InvalidSchema'],
      ['a YAML scalar instead of a mapping', { templateBody: 'just text' }, 'InvalidSchema'],
      ['UPDATE without StackId', { changeSetType: 'UPDATE' }, 'MissingParameter'],
      ['DisableRollback=no', { disableRollback: 'no' as unknown as boolean }, 'InvalidParameter'],
      ['a non-numeric TimeoutInMinutes', { timeoutInMinutes: 'ten' as unknown as number }, 'InvalidParameter'],
      ['a fractional Parallelism', { parallelism: 1.5 }, 'InvalidParameter'],
      ['a template without its version', { templateBody: '{"Resources": {}}' }, 'InvalidTemplateVersion'],
      ['a template with an unknown section', { templateBody: template({}, { Bogus: {} }) }, 'InvalidTemplateSection'],
      [
        'an undeclared parameter',
        { parameters: [new $Ros.CreateChangeSetRequestParameters({ parameterKey: 'Nope', parameterValue: '1' })] },
        'UnknownUserParameter',
      ],
      [
        'a missing parameter',
        { templateBody: template({}, { Parameters: { Size: { Type: 'Number' } } }) },
        'UserParameterMissing',
      ],
      ['an unknown TemplateId', { templateBody: undefined, templateId: 'tpl-1' }, 'TemplateNotFound'],
    ] as const)('should refuse %s', async (_, fields, code) => {
      await start();
      const error = await failure(
        client().createChangeSet(createRequest(fields as Partial<$Ros.CreateChangeSetRequest>)),
      );
      expect(error.code).toBe(code);
      expect(error.statusCode).toBe(code === 'TemplateNotFound' ? 404 : 400);
      expect(emulator.changeSets()).toEqual([]);
    });

    it('should answer StackExists, ChangeSetExists, StackNotFound and ChangeSetNotFound', async () => {
      await start();
      const ros = client();
      const { stackId } = (await ros.createChangeSet(createRequest())).body!;
      expect(await failure(ros.createChangeSet(createRequest({ changeSetName: 'other' })))).toMatchObject({
        code: 'StackExists',
        statusCode: 409,
      });
      const update = (name: string, id = stackId) =>
        ros.createChangeSet(
          new $Ros.CreateChangeSetRequest({
            regionId: 'cn-hangzhou',
            changeSetName: name,
            changeSetType: 'UPDATE',
            stackId: id,
            templateBody: template(),
          }),
        );
      expect(await failure(update('cs1'))).toMatchObject({ code: 'ChangeSetExists', statusCode: 409 });
      expect(await failure(update('x', 'missing-stack'))).toMatchObject({ code: 'StackNotFound', statusCode: 404 });
      expect(
        await failure(
          ros.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: 'nope' })),
        ),
      ).toMatchObject({ code: 'ChangeSetNotFound', statusCode: 404 });
    });

    it('should hold at most 20 change sets per stack', async () => {
      await start();
      const ros = client();
      const { stackId } = (await ros.createChangeSet(createRequest())).body!;
      for (let n = 2; n <= 20; n += 1) {
        await ros.createChangeSet(
          new $Ros.CreateChangeSetRequest({
            regionId: 'cn-hangzhou',
            changeSetName: `cs${n}`,
            changeSetType: 'UPDATE',
            stackId,
            templateBody: template(),
          }),
        );
      }
      const error = await failure(
        ros.createChangeSet(
          new $Ros.CreateChangeSetRequest({
            regionId: 'cn-hangzhou',
            changeSetName: 'cs21',
            changeSetType: 'UPDATE',
            stackId,
            templateBody: template(),
          }),
        ),
      );
      expect(error.code).toBe('LimitExceeded.ChangeSet');
      expect(error.message).toContain('20');
    });
  });

  describe('having deletes and cancels', () => {
    // DeleteChangeSet page: "If a change set of the CREATE type is deleted, you must delete stacks associated
    // with the change set" (https://www.alibabacloud.com/help/en/ros/developer-reference/api-ros-2019-09-10-deletechangeset).
    it('should delete a ready change set but leave its review stack, and refuse an executing one', async () => {
      await start({ timing: { createMs: 20, executeMs: 300 } });
      const ros = client();
      const first = (await ros.createChangeSet(createRequest())).body!;
      await sleep(40);
      await ros.deleteChangeSet(
        new $Ros.DeleteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: first.changeSetId }),
      );
      expect(emulator.stacks()[0]!.status).toBe('REVIEW_IN_PROGRESS');
      const taken = await failure(ros.createChangeSet(createRequest({ changeSetName: 'again' })));
      expect(taken.code).toBe('StackExists');
      await ros.deleteStack(new $Ros.DeleteStackRequest({ regionId: 'cn-hangzhou', stackId: first.stackId }));
      expect(emulator.stacks()[0]!.status).toBe('DELETE_COMPLETE');
      const second = (await ros.createChangeSet(createRequest({ changeSetName: 'again' }))).body!;
      await sleep(40);
      await ros.executeChangeSet(
        new $Ros.ExecuteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: second.changeSetId }),
      );
      const error = await failure(
        ros.deleteChangeSet(
          new $Ros.DeleteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: second.changeSetId }),
        ),
      );
      expect(error.code).toBe('InvalidChangeSetStatus');
    });

    it('should cancel an update in progress and roll it back', async () => {
      await start({ timing: { createMs: 20, executeMs: 200 } });
      const ros = client();
      const { stackId, changeSetId } = (await ros.createChangeSet(createRequest())).body!;
      await sleep(40);
      await ros.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId }));
      await sleep(250);
      const update = (
        await ros.createChangeSet(
          new $Ros.CreateChangeSetRequest({
            regionId: 'cn-hangzhou',
            changeSetName: 'u',
            changeSetType: 'UPDATE',
            stackId,
            templateBody: template({}),
          }),
        )
      ).body!;
      await sleep(40);
      await ros.executeChangeSet(
        new $Ros.ExecuteChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: update.changeSetId }),
      );
      await ros.cancelUpdateStack(new $Ros.CancelUpdateStackRequest({ regionId: 'cn-hangzhou', stackId }));
      await sleep(80);
      expect((await ros.getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId }))).body?.status).toBe(
        'UPDATE_ROLLBACK_COMPLETE',
      );
    });
  });

  describe('having ClientToken', () => {
    it('should answer the same change set for the same token, and execute once', async () => {
      await start();
      const ros = client();
      const first = (await ros.createChangeSet(createRequest({ clientToken: 'tok-1' }))).body!;
      const again = (await ros.createChangeSet(createRequest({ clientToken: 'tok-1' }))).body!;
      expect(again.changeSetId).toBe(first.changeSetId);
      expect(emulator.changeSets()).toHaveLength(1);
      expect(
        await failure(ros.createChangeSet(createRequest({ clientToken: 'tok-1', changeSetName: 'different' }))),
      ).toMatchObject({ code: 'IdempotentParameterMismatch' });
      await settleCreate();
      await ros.executeChangeSet(
        new $Ros.ExecuteChangeSetRequest({
          regionId: 'cn-hangzhou',
          changeSetId: first.changeSetId,
          clientToken: 'exec-1',
        }),
      );
      await ros.executeChangeSet(
        new $Ros.ExecuteChangeSetRequest({
          regionId: 'cn-hangzhou',
          changeSetId: first.changeSetId,
          clientToken: 'exec-1',
        }),
      );
      expect(emulator.requestCount('ExecuteChangeSet')).toBe(2);
    });
  });

  describe('having gateway errors and faults', () => {
    it('should refuse a wrong secret and an unknown key', async () => {
      await start();
      expect(await failure(client('wrong-secret').createChangeSet(createRequest()))).toMatchObject({
        code: 'SignatureDoesNotMatch',
        statusCode: 400,
      });
      expect(await failure(client(undefined, 'LTAIunknown').createChangeSet(createRequest()))).toMatchObject({
        code: 'InvalidAccessKeyId.NotFound',
        statusCode: 404,
      });
      expect(emulator.changeSets()).toEqual([]);
    });

    it('should throttle with a ThrottlingError carrying retryAfter, and answer 5xx as ServerError', async () => {
      await start({
        faults: [
          { kind: 'throttle', operation: 'CreateChangeSet', count: 1 },
          { kind: 'server-error', operation: 'GetStack', count: 1, status: 503 },
        ],
      });
      const throttled = await failure(client().createChangeSet(createRequest()));
      expect(throttled.name).toBe('ThrottlingError');
      expect(throttled.code).toBe('Throttling.User');
      expect(throttled.retryAfter).toBe(200);
      const server = await failure(
        client().getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId: 'x' })),
      );
      expect(server).toMatchObject({ name: 'ServerError', code: 'ServiceUnavailable', statusCode: 503 });
    });

    it('should apply a request whose answer is then dropped', async () => {
      await start({ faults: [{ kind: 'drop', operation: 'CreateChangeSet', count: 1, after: true }] });
      const error = await failure(client().createChangeSet(createRequest({ clientToken: 'dropped' })));
      expect(error.message).toMatch(/socket hang up|ECONNRESET/);
      expect(emulator.changeSets()).toHaveLength(1);
      const retried = (await client().createChangeSet(createRequest({ clientToken: 'dropped' }))).body!;
      expect(retried.changeSetId).toBe(emulator.changeSets()[0]!.changeSetId);
    });
  });
});
