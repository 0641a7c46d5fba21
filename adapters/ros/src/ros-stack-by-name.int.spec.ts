import { type RunningRosEmulator, startRosEmulator } from '@changeplane/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RosChangeSetRequest } from './ros-change-set-request.js';
import { RosProvider } from './ros-provider.js';

const wait = { minDelayMs: 10, maxDelayMs: 50, maxWaitMs: 10_000 };
const vpc = { Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: '10.0.0.0/8' } } };
const template = (resources: object = vpc) => ({ ROSTemplateFormatVersion: '2015-09-01', Resources: resources });
/** No changeSetType, no stackId: the stack is looked up by name. */
const byName = (patch: Partial<RosChangeSetRequest> = {}): RosChangeSetRequest => ({
  regionId: 'cn-hangzhou',
  changeSetName: 'cs',
  stackName: 'net',
  templateBody: template(),
  timeoutInMinutes: 10,
  ...patch,
});

describe('RosProvider with a stack named but no type (looked up by name)', () => {
  let emulator: RunningRosEmulator;
  let ros: RosProvider;
  beforeEach(async () => {
    emulator = await startRosEmulator({ timing: { createMs: 30, executeMs: 60 } });
    ros = RosProvider.fromOptions({
      regionId: 'cn-hangzhou',
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      waiter: { minDelayMs: 10, maxDelayMs: 50 },
      retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 },
    });
  });
  afterEach(async () => {
    await emulator.close();
  });

  const apply = async (request: RosChangeSetRequest) => {
    const handle = (await ros.create(request, { wait }))._unsafeUnwrap();
    if (handle.outcome === 'no-changes') return { handle, state: undefined };
    const started = (await ros.start(handle))._unsafeUnwrap();
    return { handle, state: (await ros.waitUntilSettled(started, wait))._unsafeUnwrap() };
  };
  const liveChangeSets = () => emulator.changeSets().filter((changeSet) => changeSet.status !== 'DELETE_COMPLETE');

  describe('having no stack of that name', () => {
    it('should make a CREATE change set', async () => {
      const { handle, state } = await apply(byName());
      expect(handle.scope).toMatchObject({ changeSetType: 'CREATE', stackName: 'net' });
      expect(state?.status).toBe('succeeded');
      expect(emulator.stacks()).toEqual([expect.objectContaining({ stackName: 'net', status: 'CREATE_COMPLETE' })]);
    });
  });

  describe('having the stack with the same template', () => {
    it('should report no changes and delete the change set it made', async () => {
      const first = await apply(byName());
      const again = (await ros.create(byName({ changeSetName: 'cs2' }), { wait }))._unsafeUnwrap();
      expect(again).toMatchObject({
        outcome: 'no-changes',
        scope: { changeSetType: 'UPDATE', stackId: first.handle.scope.stackId, stackName: 'net' },
        entities: ['net'],
      });
      expect(emulator.changeSets().find((changeSet) => changeSet.changeSetId === again.changeSetId)?.status).toBe(
        'DELETE_COMPLETE',
      );
      expect(liveChangeSets()).toHaveLength(1);
      expect(emulator.stacks()).toHaveLength(1);
    });
  });

  describe('having the stack and a template that adds a resource', () => {
    it('should make an UPDATE change set against the stack and update it, warning of what UPDATE ignores', async () => {
      const first = await apply(byName());
      const vswitch = {
        Type: 'ALIYUN::ECS::VSwitch',
        Properties: { CidrBlock: '10.0.1.0/24', ZoneId: 'cn-hangzhou-h' },
      };
      const { handle, state } = await apply(
        byName({ changeSetName: 'cs2', templateBody: template({ ...vpc, VSwitch: vswitch }), disableRollback: true }),
      );
      expect(handle.scope).toMatchObject({ changeSetType: 'UPDATE', stackId: first.handle.scope.stackId });
      expect(handle.changes).toEqual([expect.objectContaining({ action: 'Add', target: 'VSwitch' })]);
      expect(handle.warnings).toEqual([expect.objectContaining({ path: 'disableRollback', rule: 'ignored' })]);
      expect(state).toMatchObject({ status: 'succeeded', rawStatus: expect.stringContaining('UPDATE_COMPLETE') });
      expect(emulator.stacks()).toHaveLength(1);
    });
  });

  describe('having the stack and a template that changes properties', () => {
    it('should list each resource with the properties that change and whether it is replaced', async () => {
      const vswitch = (CidrBlock: string) => ({
        Type: 'ALIYUN::ECS::VSwitch',
        Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock, ZoneId: 'cn-hangzhou-h' },
      });
      await apply(byName({ templateBody: template({ ...vpc, VSwitch: vswitch('10.0.1.0/24') }) }));
      const renamed = { Vpc: { ...vpc.Vpc, Properties: { ...vpc.Vpc.Properties, VpcName: 'edge' } } };
      const handle = (
        await ros.create(
          byName({ changeSetName: 'cs2', templateBody: template({ ...renamed, VSwitch: vswitch('10.0.2.0/24') }) }),
          { wait },
        )
      )._unsafeUnwrap();
      expect(handle.changes).toEqual([
        { action: 'Modify', target: 'Vpc', detail: 'ALIYUN::ECS::VPC: VpcName' },
        { action: 'Modify', target: 'VSwitch', detail: 'ALIYUN::ECS::VSwitch: CidrBlock (replaced)' },
      ]);
    });
  });

  describe('having a template with outputs', () => {
    it("should give the stack's outputs once the execution succeeded, and none when it failed", async () => {
      const outputs = {
        VpcId: { Value: { Ref: 'Vpc' } },
        Cidr: { Value: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } },
      };
      const { state } = await apply(byName({ templateBody: { ...template(), Outputs: outputs } }));
      expect(state?.outputs).toEqual({ VpcId: expect.stringMatching(/^vpc-[0-9a-f]{20}$/), Cidr: '10.0.0.0/8' });
      emulator.control.failNext({ stackName: 'other', phase: 'execute', reason: 'Vpc quota reached.' });
      const failed = await apply(byName({ stackName: 'other', templateBody: { ...template(), Outputs: outputs } }));
      expect(failed.state?.status).toBe('failed');
      expect(failed.state).not.toHaveProperty('outputs');
    });
  });

  describe('having a stack whose creation failed and rolled back', () => {
    it('should refuse with a conflict naming the stack and its status, and create nothing', async () => {
      emulator.control.failNext({ stackName: 'net', phase: 'execute', reason: 'Vpc quota reached.' });
      const { state } = await apply(byName());
      expect(state?.status).toBe('failed');
      const stackId = emulator.stacks()[0]!.stackId;
      const creates = emulator.requestCount('CreateChangeSet');
      const refused = (await ros.create(byName({ changeSetName: 'cs2' }), { wait }))._unsafeUnwrapErr();
      expect(refused).toMatchObject({ kind: 'conflict', code: 'StackNotUpdatable', retryable: false });
      expect(refused.message).toBe(
        `stack net (${stackId}) is CREATE_ROLLBACK_COMPLETE: it cannot take an update in this status; delete the stack (or fix it at ROS) and apply again`,
      );
      expect(emulator.requestCount('CreateChangeSet')).toBe(creates);
    });
  });

  describe('having a stack with an operation under way', () => {
    it('should refuse with a retryable conflict naming the status', async () => {
      const handle = (await ros.create(byName(), { wait }))._unsafeUnwrap();
      (await ros.start(handle))._unsafeUnwrap();
      const refused = (await ros.create(byName({ changeSetName: 'cs2' }), { wait }))._unsafeUnwrapErr();
      expect(refused).toMatchObject({ kind: 'conflict', code: 'StackNotUpdatable', retryable: true });
      expect(refused.message).toContain('is CREATE_IN_PROGRESS: an operation is under way on it');
    });
  });

  describe('having a stack only in another region', () => {
    it('should make a CREATE change set in the request region', async () => {
      await apply(byName({ regionId: 'cn-beijing' }));
      const { handle } = await apply(byName());
      expect(handle.scope.changeSetType).toBe('CREATE');
      expect(
        emulator
          .stacks()
          .map((stack) => stack.regionId)
          .sort(),
      ).toEqual(['cn-beijing', 'cn-hangzhou']);
    });
  });

  describe('having no timeout', () => {
    it('should refuse before any call, since the change set may be a CREATE', async () => {
      const { timeoutInMinutes: _timeout, ...request } = byName();
      const refused = (await ros.create(request, { wait }))._unsafeUnwrapErr();
      expect(refused).toMatchObject({
        kind: 'validation',
        issues: [expect.objectContaining({ path: 'timeoutInMinutes', rule: 'required' })],
      });
      expect(emulator.requestCount()).toBe(0);
    });
  });

  describe('having an explicit type', () => {
    it('should not look the stack up: CREATE of an existing name stays StackExists', async () => {
      await apply(byName());
      const lists = emulator.requestCount('ListStacks');
      const refused = (
        await ros.create(byName({ changeSetType: 'CREATE', changeSetName: 'cs2' }), { wait })
      )._unsafeUnwrapErr();
      expect(refused).toMatchObject({ kind: 'conflict', code: 'StackExists' });
      expect(emulator.requestCount('ListStacks')).toBe(lists);
    });
  });
});
