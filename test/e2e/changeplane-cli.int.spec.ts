import { existsSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  byType,
  expectFinished,
  finishedOf,
  homeWithCredentialFiles,
  runPlan,
  stateFile,
  statusByTask,
  writePlan,
} from './cli-files.js';
import { runChangeplane, withEmulatorsProcess } from './run-changeplane.js';

const demo = 'examples/plans/demo.yaml';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('changeplane (the built binary)', () => {
  describe('apply', () => {
    describe('having the demo plan and --emulators', () => {
      it('should run every change set on the embedded emulators, say so, and exit 0', async () => {
        const result = await runPlan(demo);
        expect(result.stderr).not.toContain('NodeVersionSupportWarning');
        const finished = expectFinished(result, 0);
        const [started] = byType(result.events, 'run-started') as {
          emulators: string;
          targets: { emulator: boolean }[];
        }[];
        expect(started!.emulators).toBe('requested');
        expect(started!.targets.every((target) => target.emulator)).toBe(true);
        expect(finished.emulatorRun).toBe(true);
        expect(finished.summary.map((row) => row.task)).toEqual([
          'ros:web-network',
          'ros:web-cache',
          'marketplace:1',
          'marketplace:2',
        ]);
        expect(new Set(finished.summary.map((row) => row.status))).toEqual(new Set(['succeeded']));
      });

      it('should start every set with --detach, waiting only for the set the second depends on', async () => {
        const result = await runPlan(demo, { flags: ['--detach'] });
        const byTask = statusByTask(expectFinished(result, 0));
        expect(byTask['marketplace:1']).toBe('succeeded');
        expect(byTask['marketplace:2']).toBe('detached');
        expect(JSON.stringify(result.events)).not.toContain('locked');
      });
    });

    describe('having no terminal and no --yes', () => {
      it('should refuse with exit 2 and start nothing', async () => {
        const result = await runPlan(demo, { json: false, yes: false });
        expect(result.code).toBe(2);
        expect(result.stdout + result.stderr).toContain('pass --yes');
        expect(result.stdout).not.toContain('creating');
      });
    });

    describe('having no credentials anywhere', () => {
      it('should refuse with exit 2, say how to configure a target, and start no emulator', async () => {
        const result = await runPlan(demo, { json: false, emulators: false });
        expect(result.code).toBe(2);
        expect(result.stdout).not.toContain('EMULATORS');
        expect(result.stdout + result.stderr).toContain('no credentials found for');
        expect(result.stdout + result.stderr).toContain('or pass --emulators');
        expect(result.stdout).not.toContain('creating');
      });
    });

    describe('having a change set that fails', () => {
      it('should exit 1, skip the later set on the same entity and finish the unrelated one', async () => {
        const finished = expectFinished(await runPlan('test/fixtures/failing-plan.yaml'), 1);
        expect(finished.summary.map((row) => row.status).sort()).toEqual(['failed', 'skipped']);
      });
    });

    describe('having a ROS template the provider refuses beside a valid Marketplace change', () => {
      it('should start nothing, exit 2 truthfully and record the failed change set', async () => {
        const state = stateFile();
        const result = await runPlan('test/fixtures/invalid-ros-template-plan.yaml', { state });
        const finished = expectFinished(result, 2);
        expect(finished.reason).toBe('invalid input, nothing was started');
        expect(statusByTask(finished)).toEqual({ 'ros:broken-stack': 'failed', 'marketplace:1': 'not-started' });
        expect(byType(result.events, 'task-status').map((event) => event.status)).not.toContain('running');
        // The refused change set exists at the provider: the journal records it for status and cancel.
        const journal = readFileSync(join(dirname(state), 'journal.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { type: string; taskKey?: string; error?: { changeSetId?: string } });
        const refused = journal.filter((entry) => entry.type === 'outcome' && entry.error?.changeSetId);
        expect(refused.map((entry) => entry.taskKey)).toEqual(['ros:broken-stack']);
        expect(existsSync(state)).toBe(false);
      });
    });

    describe('having an invalid plan', () => {
      it('should exit 2 naming the file and each field, on stderr, and start nothing', async () => {
        const result = await runPlan('test/fixtures/invalid-plan.yaml', { emulators: false });
        expect(result.code).toBe(2);
        const [invalid] = byType(result.events, 'input-invalid') as { issues: { file: string; path: string }[] }[];
        const paths = invalid!.issues.map((issue) => issue.path);
        expect(invalid!.issues.every((issue) => issue.file === 'test/fixtures/invalid-plan.yaml')).toBe(true);
        expect(paths).toEqual(
          expect.arrayContaining([
            'ros.stacks[0].name',
            'ros.stacks[0].timeoutInMinutes',
            'marketplace.changeSetName',
            'marketplace.changes[0].entity.identifier',
          ]),
        );
        expect(byType(result.events, 'task-status')).toEqual([]);
      });

      it('should report structural errors with their paths on stderr', async () => {
        const result = await runPlan('test/fixtures/malformed-plan.yaml', {
          command: 'plan',
          json: false,
          emulators: false,
        });
        expect(result.code).toBe(2);
        const problems = stripVTControlCharacters(result.stderr);
        expect(problems).toContain('test/fixtures/malformed-plan.yaml: ros.stacks[0]');
        expect(problems).toContain('marketplace.changes[0].changeType');
        expect(stripVTControlCharacters(result.stdout)).not.toContain('marketplace.changes[0].changeType');
      });

      it('should refuse details nested 20,000 levels deep with exit 2, not a crash', async () => {
        const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
        const plan = writePlan(
          `{"version":1,"marketplace":{"changes":[{"changeType":"UpdateInformation","entity":{"type":"SaaSProduct@1.0","identifier":"prod-1"},"details":${deep}}]}}`,
          'deep.json',
        );
        const result = await runPlan(plan);
        expect(result.code).toBe(2);
        expect(JSON.stringify(byType(result.events, 'input-invalid'))).toContain('max_depth');
        expect(result.stderr).not.toContain('Maximum call stack');
      });

      it('should read a mapping of 100,000 keys without stalling and name a duplicate key', async () => {
        const keys = Array.from({ length: 100_000 }, (_, index) => `      k${index}: ${index}`).join('\n');
        const plan = writePlan(
          `version: 1\nmarketplace:\n  changes:\n  - changeType: UpdateInformation\n    entity: {type: SaaSProduct@1.0, identifier: prod-1}\n    details:\n${keys}\n      k7: again\n`,
        );
        const result = await runPlan(plan, { command: 'plan', emulators: false });
        expect(result.code).toBe(2);
        const [invalid] = byType(result.events, 'input-invalid') as { issues: { path: string; rule: string }[] }[];
        expect(invalid!.issues[0]).toMatchObject({ rule: 'duplicate_key', path: 'marketplace.changes[0].details.k7' });
        // A pairwise duplicate check would take many minutes here; one pass takes seconds, even on a loaded machine.
      }, 60_000);

      it('should say so when the file does not exist', async () => {
        const result = await runPlan('nowhere.yaml', { emulators: false });
        expect(result.code).toBe(2);
        expect(JSON.stringify(result.events)).toContain('no such file');
      });
    });
  });

  describe('plan', () => {
    describe('having the demo plan', () => {
      it('should show every change, start nothing and leave no change set behind', async () => {
        const result = await runPlan(demo, { command: 'plan' });
        const finished = expectFinished(result, 0);
        const statuses = byType(result.events, 'task-status').map((event) => event.status);
        expect(statuses).not.toContain('running');
        expect(statusByTask(finished)).toMatchObject({ 'ros:web-network': 'previewed', 'marketplace:1': 'previewed' });
      });

      it('should say which parameters the provider will ignore for the change-set type', async () => {
        const plan = writePlan(
          "version: 1\nros:\n  stacks:\n    - name: warned\n      replacementOption: Enabled\n      template: {ROSTemplateFormatVersion: '2015-09-01', Resources: {Vpc: {Type: 'ALIYUN::ECS::VPC'}}}\n",
        );
        const result = await runPlan(plan, { command: 'plan' });
        expect(result.code).toBe(0);
        const notices = byType(result.events, 'notice').map((event) => String(event.message));
        expect(notices.some((message) => message.startsWith('ros stack warned: replacementOption'))).toBe(true);
      });

      it('should exit 2 with --detailed-exitcode because there are changes', async () => {
        const result = await runPlan(demo, { command: 'plan', flags: ['--detailed-exitcode'] });
        expect(expectFinished(result, 2).reason).toBe('the plan has changes');
      });
    });
  });

  describe('against standalone emulators reached through credential files', () => {
    it('should target the configured endpoints, name them, leave nothing behind after plan, and let status and cancel reach them', async () => {
      await withEmulatorsProcess('fast', async (environment) => {
        const home = homeWithCredentialFiles(environment);
        const rosSection = `ros:\n  endpoint: ${environment.CHANGEPLANE_ROS_ENDPOINT}\n  stacks:\n    - name: files-stack\n      template: {ROSTemplateFormatVersion: '2015-09-01', Resources: {Vpc: {Type: 'ALIYUN::ECS::VPC'}}}\n`;
        const plan = writePlan(
          `version: 1\n${rosSection}marketplace:\n  changes:\n    - changeType: UpdateInformation\n      entity: {type: SaaSProduct@1.0, identifier: prod-files}\n      details: {ProductTitle: from files}\n`,
        );

        // plan twice on one stack: the first left nothing behind, or the second would find the stack taken
        // (the adapter's discard spec runs 21 previews of one stack).
        for (let round = 0; round < 2; round += 1) {
          const previewed = await runPlan(plan, { command: 'plan', emulators: false }, { HOME: home });
          expect(previewed.code).toBe(0);
        }

        const state = stateFile();
        const applied = await runPlan(plan, { emulators: false, flags: ['--detach'], state }, { HOME: home });
        expect(applied.code).toBe(0);
        const [started] = byType(applied.events, 'run-started') as {
          emulators?: string;
          targets: { provider: string; endpoint: string; credentialSource: string; emulator: boolean }[];
        }[];
        expect(started!.emulators).toBeUndefined();
        expect(started!.targets).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              provider: 'aws-marketplace',
              endpoint: environment.CHANGEPLANE_MARKETPLACE_ENDPOINT,
              emulator: false,
              credentialSource: expect.stringContaining('~/.aws/credentials'),
            }),
            expect.objectContaining({
              provider: 'alibaba-ros',
              endpoint: environment.CHANGEPLANE_ROS_ENDPOINT,
              emulator: false,
              credentialSource: expect.stringContaining('~/.alibabacloud/credentials'),
            }),
          ]),
        );

        // Another shell with the same files: status reaches the same place.
        const status = await runChangeplane(['status', '--json', '--state', state], { HOME: home });
        expect(status.code).toBe(0);
        expect(
          byType(status.events, 'task-status')
            .map((event) => event.task)
            .sort(),
        ).toEqual(['marketplace:1', 'ros:files-stack']);

        const cancelled = await runChangeplane(['cancel', 'marketplace:1', '--json', '--state', state], { HOME: home });
        const finished = finishedOf(cancelled.events);
        expect(finished.exitCode).toBe(cancelled.code);
        expect(JSON.stringify(cancelled.events)).not.toContain(environment.AWS_SECRET_ACCESS_KEY);
      });
    }, 180_000);

    it('should refuse a run where only one provider finds credentials instead of splitting it onto an emulator', async () => {
      await withEmulatorsProcess('slow', async (environment) => {
        const home = homeWithCredentialFiles(environment);
        const result = await runPlan(
          demo,
          { emulators: false },
          {
            HOME: home,
            ALIBABA_CLOUD_CREDENTIALS_FILE: `${home}/missing`,
            ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
          },
        );
        expect(result.code).toBe(4);
        expect(JSON.stringify(result.events)).toContain('Alibaba Cloud ROS: no credentials found');
        expect(byType(result.events, 'run-started')).toEqual([]);
      });
    }, 60_000);

    it('should report lock contention with exit 3, naming the holding change set by its id', async () => {
      await withEmulatorsProcess('slow', async (environment) => {
        const contended = 'test/fixtures/one-entity-plan.yaml';
        const first = await runPlan(contended, { emulators: false, flags: ['--detach'] }, environment);
        const [row] = expectFinished(first, 0).summary;
        const second = await runPlan(contended, { emulators: false }, environment);
        expect(second.code).toBe(3);
        const [failure] = byType(second.events, 'task-failed') as { error: { kind: string; message: string } }[];
        expect(failure!.error.kind).toBe('locked');
        expect(failure!.error.message).toContain('prod-contended');
        expect(failure!.error.message).toContain(row!.changeSetId);
      });
    }, 60_000);
  });

  describe('emulators', () => {
    it('should listen where each provider is told, and print how to reach it', async () => {
      const [rosPort, marketplacePort] = [await freePort(), await freePort()];
      await withEmulatorsProcess(
        'fast',
        async (environment) => {
          expect(environment.CHANGEPLANE_ROS_ENDPOINT).toBe(`http://127.0.0.1:${rosPort}`);
          expect(environment.CHANGEPLANE_MARKETPLACE_ENDPOINT).toBe(`http://127.0.0.1:${marketplacePort}`);
          expect(Object.keys(environment)).toEqual(
            expect.arrayContaining(['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'AWS_SECRET_ACCESS_KEY']),
          );
          const applied = await runPlan(demo, { emulators: false }, environment);
          expect(expectFinished(applied, 0).summary).toHaveLength(4);
        },
        ['--ros-port', String(rosPort), '--marketplace-port', String(marketplacePort)],
      );
    }, 60_000);
  });

  describe('the program', () => {
    it('should print its version, examples and where credentials come from', async () => {
      const version = await runChangeplane(['--version']);
      expect(version.code).toBe(0);
      expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
      const help = await runChangeplane(['apply', '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('~/.aws/credentials');
      expect(help.stdout).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
      expect(help.stdout).toContain('--yes');
      const top = await runChangeplane(['--help']);
      expect(top.stdout).toContain('Examples:');
    });

    it('should print completion scripts that name every command', async () => {
      const bash = await runChangeplane(['completion', 'bash']);
      expect(bash.code).toBe(0);
      expect(bash.stdout).toContain('complete -o default -F _changeplane changeplane');
      for (const command of ['apply', 'plan', 'status', 'cancel', 'emulators']) expect(bash.stdout).toContain(command);
      const unknown = await runChangeplane(['completion', 'tcsh']);
      expect(unknown.code).toBe(2);
    });
  });
});
