import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as $Ros from '@alicloud/ros20190910';
import { ListChangeSetsCommand } from '@aws-sdk/client-marketplace-catalog';
import { describe, expect, it } from 'vitest';
import { emulatorClients } from '../support/emulator-clients.js';
import { byType } from './cli-files.js';
import {
  changeplaneBinary,
  isolatedEnv,
  repositoryRoot,
  runChangeplane,
  watchChangeplane,
  withEmulatorsProcess,
} from './run-changeplane.js';
import { TerminalSession } from './terminal-session.js';

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

/** What the emulators hold after the demo plan: Marketplace change-set statuses, ROS stacks and their executions. */
async function demoHoldings(environment: Record<string, string>) {
  const { marketplace, ros } = emulatorClients(environment);
  const listed = await marketplace.send(new ListChangeSetsCommand({ Catalog: 'AWSMarketplace', MaxResults: 20 }));
  const stacks = (await ros.listStacks(new $Ros.ListStacksRequest({ regionId: 'cn-hangzhou' }))).body?.stacks ?? [];
  const executions: Record<string, (string | undefined)[]> = {};
  for (const stack of stacks) {
    const changeSets = await ros.listChangeSets(
      new $Ros.ListChangeSetsRequest({ regionId: 'cn-hangzhou', stackId: stack.stackId }),
    );
    executions[stack.stackName!] = changeSets.body?.changeSets?.map((changeSet) => changeSet.executionStatus) ?? [];
  }
  return { marketplace: listed.ChangeSetSummaryList?.map((item) => item.Status), ros: executions };
}

/** The demo plan applied exactly once: two Marketplace sets, two stacks, one executed change set each. */
const demoAppliedOnce = {
  marketplace: ['SUCCEEDED', 'SUCCEEDED'],
  ros: { 'web-cache': ['EXECUTE_COMPLETE'], 'web-network': ['EXECUTE_COMPLETE'] },
};

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
      expect(await demoHoldings(environment)).toEqual(demoAppliedOnce);

      // The run is finished now: status sees every change set, without starting anything.
      const status = await runChangeplane(['status', '--json', '--state', join(folder, 'state.json')], environment);
      expect(status.code).toBe(0);
      expect(byType(status.events, 'task-status').length).toBeGreaterThanOrEqual(4);
    });
  }, 120_000);

  it('should start afresh after Ctrl-C at the prompt, and create each change exactly once', async () => {
    await withEmulatorsProcess('fast', async (environment) => {
      const folder = mkdtempSync(join(tmpdir(), 'changeplane-prompt-'));
      const args = ['apply', 'examples/plans/demo.yaml', '--state-dir', folder];
      const { CI: _ci, ...env } = isolatedEnv({ TERM: 'xterm-256color', ...environment });
      const session = TerminalSession.start([process.execPath, changeplaneBinary, ...args], {
        env,
        cwd: repositoryRoot,
      });
      try {
        await session.waitFor('Enter a value:', 60_000);
        session.send('C-c');
        expect(await session.exitCode()).toBe(130);
      } finally {
        session.close();
      }

      const again = await runChangeplane([...args, '--json', '--yes'], environment);
      expect(again.code).toBe(0);
      const notices = byType(again.events, 'notice').map((event) => String(event.message));
      expect(notices.filter((message) => message.startsWith('resuming run'))).toEqual([]);
      expect(await demoHoldings(environment)).toEqual(demoAppliedOnce);
    });
  }, 120_000);
});
