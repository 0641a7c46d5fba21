import * as $Ros from '@alicloud/ros20190910';
import { DescribeChangeSetCommand, ListChangeSetsCommand } from '@aws-sdk/client-marketplace-catalog';
import { describe, expect, it } from 'vitest';
import { emulatorClients } from '../support/emulator-clients.js';
import {
  byType,
  expectFinished,
  homeWithCredentialFiles,
  runPlan,
  stateFile,
  statusByTask,
  writePlan,
} from './cli-files.js';
import { runChangeplane, withEmulatorsProcess } from './run-changeplane.js';

// A plan with a ROS stack and Marketplace changes, applied again and again as a platform team does: the stack
// is looked up by name (UPDATE once it exists), an unchanged one is "no changes" and leaves no change set.

const vswitch = (cidr: string) => [
  '        EdgeVSwitch:',
  '          Type: ALIYUN::ECS::VSwitch',
  `          Properties: {VpcId: !Ref EdgeVpc, CidrBlock: ${cidr}, ZoneId: cn-hangzhou-h}`,
];

/** The plan: the stack with its VPC (named `vpcName`), and a VSwitch of `vswitchCidr` when given. */
const planOf = (endpoint: string, vswitchCidr?: string, vpcName = 'edge') =>
  [
    'version: 1',
    'ros:',
    `  endpoint: ${endpoint}`,
    '  stacks:',
    '    - name: edge',
    '      template:',
    "        ROSTemplateFormatVersion: '2015-09-01'",
    '        Resources:',
    '          EdgeVpc:',
    '            Type: ALIYUN::ECS::VPC',
    `            Properties: {CidrBlock: 10.0.0.0/8, VpcName: ${vpcName}}`,
    ...(vswitchCidr ? vswitch(vswitchCidr).map((line) => `  ${line}`) : []),
    '        Outputs:',
    '          VpcId: {Value: !Ref EdgeVpc}',
    '          VpcCidr: {Value: !GetAtt EdgeVpc.CidrBlock, Description: the network}',
    ...(vswitchCidr ? ['          VSwitchId: {Value: !GetAtt [EdgeVSwitch, VSwitchId]}'] : []),
    'marketplace:',
    '  changes:',
    '    - changeType: UpdateInformation',
    '      entity: {type: SaaSProduct@1.0, identifier: prod-edge-a}',
    '      details: {ProductTitle: edge a}',
    '    - changeType: UpdateInformation',
    '      entity: {type: SaaSProduct@1.0, identifier: prod-edge-b}',
    '      details: {ProductTitle: edge b}',
    '',
  ].join('\n');

/** What the emulators hold: ROS stacks with their change sets (not deleted), Marketplace entities applied. */
async function holdings(environment: Record<string, string>) {
  const { marketplace, ros } = emulatorClients(environment);
  const stacks = (await ros.listStacks(new $Ros.ListStacksRequest({ regionId: 'cn-hangzhou' }))).body?.stacks ?? [];
  const changeSets: Record<string, { type?: string; execution?: string }[]> = {};
  for (const stack of stacks) {
    const listed = await ros.listChangeSets(
      new $Ros.ListChangeSetsRequest({ regionId: 'cn-hangzhou', stackId: stack.stackId }),
    );
    changeSets[stack.stackName!] = (listed.body?.changeSets ?? []).map((changeSet) => ({
      type: changeSet.changeSetType,
      execution: changeSet.executionStatus,
    }));
  }
  const sets = await marketplace.send(new ListChangeSetsCommand({ Catalog: 'AWSMarketplace' }));
  const described = await Promise.all(
    (sets.ChangeSetSummaryList ?? []).map((set) =>
      marketplace.send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: set.ChangeSetId })),
    ),
  );
  const applied = described
    .filter((set) => set.Status === 'SUCCEEDED')
    .flatMap((set) => (set.ChangeSet ?? []).map((change) => change.Entity?.Identifier))
    .sort();
  return { stacks: stacks.map((stack) => `${stack.stackName} ${stack.status}`), changeSets, applied };
}

describe('changeplane apply of a plan with a ROS stack, again and again', () => {
  it('should create the stack once, report no changes twice leaving no change set, then update it', async () => {
    await withEmulatorsProcess('fast', async (environment) => {
      const env = { HOME: homeWithCredentialFiles(environment) };
      const state = stateFile();
      const plan = writePlan(planOf(environment.CHANGEPLANE_ROS_ENDPOINT!));

      const created = await runPlan(plan, { emulators: false, state }, env);
      expect(statusByTask(expectFinished(created, 0))['ros:edge']).toBe('succeeded');
      // The stack's outputs, evaluated: not the literals of the short forms.
      const [outputs] = byType(created.events, 'task-outputs');
      expect(outputs).toMatchObject({
        task: 'ros:edge',
        outputs: { VpcId: expect.stringMatching(/^vpc-[0-9a-f]{20}$/), VpcCidr: '10.0.0.0/8' },
      });
      for (let round = 0; round < 2; round += 1) {
        const rerun = await runPlan(plan, { emulators: false, state }, env);
        const again = expectFinished(rerun, 0);
        expect(again.reason).toBe('nothing was sent: every change set is applied already');
        expect(statusByTask(again)['ros:edge']).toBe('no-changes');
        // Nothing changed, and the stack's outputs are shown as after any apply.
        expect(byType(rerun.events, 'task-outputs')).toEqual([
          expect.objectContaining({ task: 'ros:edge', outputs: (outputs as { outputs: unknown }).outputs }),
        ]);
      }
      // `status` of the last run has nothing to follow: the deleted change set is not reported as cancelled.
      const status = await runChangeplane(['status', '--json', '--state', state], env);
      expect(byType(status.events, 'task-status')).toEqual([]);
      expect(await holdings(environment)).toEqual({
        stacks: ['edge CREATE_COMPLETE'],
        changeSets: { edge: [{ type: 'CREATE', execution: 'EXECUTE_COMPLETE' }] },
        applied: ['prod-edge-a', 'prod-edge-b'],
      });

      const edited = writePlan(planOf(environment.CHANGEPLANE_ROS_ENDPOINT!, '10.0.1.0/24'));
      const updated = await runPlan(edited, { json: false, emulators: false, state }, env);
      expect(updated.code).toBe(0);
      // Below the summary: the stack's outputs, the new VSwitch's id among them.
      const shown = updated.stdout.slice(updated.stdout.indexOf('ros stack edge outputs:'));
      expect(shown).toMatch(
        /^ros stack edge outputs:\n {2}VpcId = vpc-[0-9a-f]{20}\n {2}VpcCidr = 10\.0\.0\.0\/8\n {2}VSwitchId = vswitch-[0-9a-f]{20}\n/,
      );
      expect(await holdings(environment)).toEqual({
        stacks: ['edge UPDATE_COMPLETE'],
        changeSets: {
          edge: [
            { type: 'CREATE', execution: 'EXECUTE_COMPLETE' },
            { type: 'UPDATE', execution: 'EXECUTE_COMPLETE' },
          ],
        },
        applied: ['prod-edge-a', 'prod-edge-b'],
      });

      // The preview of a change to both resources names the properties and the replacement, in both outputs.
      const changed = writePlan(planOf(environment.CHANGEPLANE_ROS_ENDPOINT!, '10.0.2.0/24', 'edge-2'));
      const previewed = await runPlan(changed, { command: 'plan', emulators: false, state }, env);
      expectFinished(previewed, 0);
      expect(byType(previewed.events, 'task-changes').find((event) => event.task === 'ros:edge')).toMatchObject({
        changes: [
          { action: 'Modify', target: 'EdgeVpc', detail: 'ALIYUN::ECS::VPC: VpcName' },
          { action: 'Modify', target: 'EdgeVSwitch', detail: 'ALIYUN::ECS::VSwitch: CidrBlock (replaced)' },
        ],
      });
      const human = await runPlan(changed, { command: 'plan', json: false, emulators: false, state }, env);
      expect(human.code).toBe(0);
      expect(human.stdout).toMatch(/Modify +EdgeVSwitch ALIYUN::ECS::VSwitch: CidrBlock \(replaced\)/);
      expect(human.stdout).toMatch(/Modify +EdgeVpc ALIYUN::ECS::VPC: VpcName\n/);
      // Previews leave nothing behind.
      expect((await holdings(environment)).changeSets.edge).toHaveLength(2);
    });
  }, 120_000);

  it('should refuse, naming the stack and its status, to update a stack whose creation failed', async () => {
    await withEmulatorsProcess('fast', async (environment) => {
      const env = { HOME: homeWithCredentialFiles(environment) };
      const endpoint = environment.CHANGEPLANE_ROS_ENDPOINT!;
      const failure = { stackName: 'edge', phase: 'execute', reason: 'Vpc quota reached.' };
      const scripted = await fetch(`${endpoint}/_emulator/failures`, { method: 'POST', body: JSON.stringify(failure) });
      expect(scripted.ok).toBe(true);
      const plan = writePlan(planOf(endpoint).replace(/marketplace:[\s\S]*$/, ''));
      const state = stateFile();
      expectFinished(await runPlan(plan, { emulators: false, state }, env), 1);

      const again = await runPlan(plan, { emulators: false, state }, env);
      expect(expectFinished(again, 2).reason).toBe('invalid input, nothing was started');
      const [failed] = byType(again.events, 'task-failed') as { error: { code: string; message: string } }[];
      expect(failed?.error.code).toBe('StackNotUpdatable');
      expect(failed?.error.message).toMatch(/^stack edge \([0-9a-f-]{36}\) is CREATE_ROLLBACK_COMPLETE: /);
      expect((await holdings(environment)).changeSets.edge).toEqual([{ type: 'CREATE', execution: 'EXECUTE_FAILED' }]);
    });
  }, 120_000);
});
