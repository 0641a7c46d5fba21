import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as $Ros from '@alicloud/ros20190910';
import { DescribeChangeSetCommand, ListChangeSetsCommand } from '@aws-sdk/client-marketplace-catalog';
import { describe, expect, it } from 'vitest';
import { emulatorClients } from '../support/emulator-clients.js';
import { byType, expectFinished, homeWithCredentialFiles, runPlan, stateFile, writePlan } from './cli-files.js';
import { runChangeplane, withEmulatorsProcess } from './run-changeplane.js';

// terraform's `plan -out` / `apply <saved>`: the change sets prepared for review are exactly what starts.

const planText = (stack: string, endpoint: string, product: string) =>
  [
    'version: 1',
    'ros:',
    `  endpoint: ${endpoint}`,
    '  stacks:',
    `    - name: ${stack}`,
    "      template: {ROSTemplateFormatVersion: '2015-09-01', Resources: {Vpc: {Type: 'ALIYUN::ECS::VPC'}}}",
    'marketplace:',
    '  changes:',
    '    - changeType: UpdateInformation',
    `      entity: {type: SaaSProduct@1.0, identifier: ${product}}`,
    '      details: {ProductTitle: reviewed title}',
    '',
  ].join('\n');

describe('changeplane plan --out, then apply <saved plan>', () => {
  it('should start exactly the reviewed change sets, and refuse an edited or outdated saved plan', async () => {
    await withEmulatorsProcess('fast', async (environment) => {
      const home = homeWithCredentialFiles(environment);
      const env = { HOME: home };
      const state = stateFile();
      const folder = join(state, '..');
      const plan = writePlan(planText('saved-stack', environment.CHANGEPLANE_ROS_ENDPOINT!, 'prod-saved'));
      const saved = join(folder, 'saved.json');

      const planned = await runPlan(plan, { command: 'plan', emulators: false, state, flags: ['--out', saved] }, env);
      expectFinished(planned, 0);
      const savedPlan = JSON.parse(readFileSync(saved, 'utf8')) as {
        tasks: { task: string; handle: { changeSetId?: string; payload?: unknown } }[];
      };
      const rosTask = savedPlan.tasks.find((task) => task.task.startsWith('ros:'))!;
      expect(rosTask.handle.changeSetId).toBeTruthy();

      // Edited after review: refused, naming the change set, before anything starts.
      const edited = join(folder, 'edited.json');
      const editedPlan = structuredClone(savedPlan);
      const marketplaceTask = editedPlan.tasks.find((task) => task.task.startsWith('marketplace:'))!;
      marketplaceTask.handle.payload = JSON.parse(
        JSON.stringify(marketplaceTask.handle.payload).replace('reviewed title', 'sneaked-in title'),
      );
      writeFileSync(edited, JSON.stringify(editedPlan));
      const refused = await runChangeplane(['apply', edited, '--json', '--state', state], env);
      expect(refused.code).toBe(2);
      const issues = byType(refused.events, 'input-invalid') as { issues: { message: string }[] }[];
      expect(issues[0]!.issues.map((issue) => issue.message).join('\n')).toMatch(
        /marketplace set .*: the saved change set was edited after the plan was saved/,
      );

      // Applied as saved: the ROS change set executed is the one prepared for review; no prompt.
      const applied = await runChangeplane(['apply', saved, '--json', '--state', state], env);
      expectFinished(applied, 0);
      const creates = byType(applied.events, 'task-status').filter((event) => event.status === 'running');
      expect(creates.map((event) => event.changeSetId)).toContain(rosTask.handle.changeSetId);
      const { marketplace, ros } = emulatorClients(environment);
      // `plan` validated on the service (an `Intent: VALIDATE` change set); `apply` applied once.
      const applyIntents = async () => {
        const listed = await marketplace.send(new ListChangeSetsCommand({ Catalog: 'AWSMarketplace' }));
        const described = await Promise.all(
          (listed.ChangeSetSummaryList ?? []).map((set) =>
            marketplace.send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: set.ChangeSetId })),
          ),
        );
        return described.filter((set) => set.Intent === 'APPLY').map((set) => set.Status);
      };
      expect(await applyIntents()).toEqual(['SUCCEEDED']);
      const stacks = (await ros.listStacks(new $Ros.ListStacksRequest({ regionId: 'cn-hangzhou' }))).body?.stacks;
      expect(stacks?.map((stack) => stack.stackName)).toEqual(['saved-stack']);
      const executions = await ros.listChangeSets(
        new $Ros.ListChangeSetsRequest({ regionId: 'cn-hangzhou', stackId: stacks![0]!.stackId }),
      );
      expect(executions.body?.changeSets?.map((set) => [set.changeSetId, set.executionStatus])).toEqual([
        [rosTask.handle.changeSetId, 'EXECUTE_COMPLETE'],
      ]);

      // Applying the same saved plan again: its change set is no longer ready; refused by name, nothing started.
      const again = await runChangeplane(['apply', saved, '--json', '--state', state], env);
      expect(again.code).toBe(2);
      const notices = byType(again.events, 'notice').map((event) => String(event.message));
      expect(notices.join('\n')).toMatch(
        /ros stack saved-stack: change set \S+ is succeeded \(.*\) now, not ready to start: the stack moved on/,
      );
      expect(byType(again.events, 'task-status').filter((event) => event.status === 'starting')).toEqual([]);
      expect(await applyIntents()).toEqual(['SUCCEEDED']);
    });
  }, 120_000);
});
