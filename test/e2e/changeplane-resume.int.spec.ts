import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { ListChangeSetsCommand, MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import { describe, expect, it } from 'vitest';
import { byType } from './cli-files.js';
import { runChangeplane, watchChangeplane, withEmulatorsProcess } from './run-changeplane.js';

/** Starts `apply` and SIGKILLs it as soon as an event matching `when` is printed. */
async function applyKilledWhen(
  args: string[],
  env: NodeJS.ProcessEnv,
  when: (event: Record<string, unknown>) => boolean,
) {
  const { events } = await watchChangeplane(args, env, (event, child) => {
    if (when(event)) child.kill('SIGKILL');
  });
  return events;
}

describe('changeplane apply after a crash', () => {
  it('should resume the unfinished run: adopt what it made, start the rest, and make no second change set', async () => {
    await withEmulatorsProcess('fast', async (environment) => {
      const folder = mkdtempSync(join(tmpdir(), 'changeplane-resume-'));
      const args = ['apply', 'examples/plans/demo.yaml', '--json', '--yes', '--state', join(folder, 'state.json')];
      const killed = await applyKilledWhen(
        args,
        environment,
        (event) => event.type === 'task-status' && event.status === 'running',
      );
      expect(byType(killed, 'run-finished')).toEqual([]);

      const resumed = await runChangeplane(args, environment);
      expect(resumed.code).toBe(0);
      const notices = byType(resumed.events, 'notice').map((event) => String(event.message));
      expect(notices.some((message) => message.startsWith('resuming run'))).toBe(true);
      const [finished] = byType(resumed.events, 'run-finished') as { summary: { task: string; status: string }[] }[];
      expect(new Set(finished!.summary.map((row) => row.status))).toEqual(new Set(['succeeded']));

      // Counted from the emulators' own listings: exactly the plan's change sets, each once.
      const marketplace = new MarketplaceCatalogClient({
        region: 'us-east-1',
        endpoint: environment.CHANGEPLANE_MARKETPLACE_ENDPOINT,
        credentials: {
          accessKeyId: environment.AWS_ACCESS_KEY_ID!,
          secretAccessKey: environment.AWS_SECRET_ACCESS_KEY!,
        },
      });
      const listed = await marketplace.send(new ListChangeSetsCommand({ Catalog: 'AWSMarketplace', MaxResults: 20 }));
      expect(listed.ChangeSetSummaryList?.map((item) => item.Status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      const ros = new ROS.default(
        new $OpenApi.$OpenApiUtil.Config({
          accessKeyId: environment.ALIBABA_CLOUD_ACCESS_KEY_ID,
          accessKeySecret: environment.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
          endpoint: new URL(environment.CHANGEPLANE_ROS_ENDPOINT!).host,
          protocol: 'http',
          regionId: 'cn-hangzhou',
        }),
      );
      const stacks = (await ros.listStacks(new $Ros.ListStacksRequest({ regionId: 'cn-hangzhou' }))).body?.stacks ?? [];
      expect(stacks.map((stack) => stack.stackName).sort()).toEqual(['web-cache', 'web-network']);
      for (const stack of stacks) {
        const changeSets = await ros.listChangeSets(
          new $Ros.ListChangeSetsRequest({ regionId: 'cn-hangzhou', stackId: stack.stackId }),
        );
        expect(changeSets.body?.changeSets?.map((changeSet) => changeSet.executionStatus)).toEqual([
          'EXECUTE_COMPLETE',
        ]);
      }

      // The run is finished now: status sees every change set, without starting anything.
      const status = await runChangeplane(['status', '--json', '--state', join(folder, 'state.json')], environment);
      expect(status.code).toBe(0);
      expect(byType(status.events, 'task-status').length).toBeGreaterThanOrEqual(4);
    });
  }, 120_000);
});
