import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runChangeplane, startEmulatorsProcess } from './run-changeplane.js';

const fast = ['--emulator-speed', 'fast'];
const stateFile = () => join(mkdtempSync(join(tmpdir(), 'changeplane-')), 'state.json');
const byType = (events: Record<string, unknown>[], type: string) => events.filter((event) => event.type === type);

describe('changeplane (the built binary)', () => {
  describe('apply', () => {
    describe('having the demo plan and no credentials', () => {
      it('should run every change set on the embedded emulators and exit 0', async () => {
        const result = await runChangeplane([
          'apply',
          'examples/plans/demo.yaml',
          '--json',
          ...fast,
          '--state',
          stateFile(),
        ]);
        expect(result.stderr).not.toContain('NodeVersionSupportWarning');
        expect(result.code).toBe(0);
        const [started] = byType(result.events, 'run-started');
        expect(started).toMatchObject({ mode: 'emulators', command: 'apply' });
        const [finished] = byType(result.events, 'run-finished') as { summary: { task: string; status: string }[] }[];
        expect(finished!.summary.map((row) => row.task)).toEqual([
          'ros:web-network',
          'ros:web-cache',
          'marketplace:1',
          'marketplace:2',
        ]);
        expect(new Set(finished!.summary.map((row) => row.status))).toEqual(new Set(['succeeded']));
        const changes = byType(result.events, 'task-changes').find((event) => event.task === 'ros:web-network');
        expect(changes).toMatchObject({
          changes: expect.arrayContaining([expect.objectContaining({ target: 'Vpc' })]),
        });
      });

      it('should print a task list and a summary table for people', async () => {
        const result = await runChangeplane(['apply', 'examples/plans/demo.yaml', ...fast, '--state', stateFile()]);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('embedded emulators');
        expect(result.stdout).toMatch(/ros stack web-network\s+running/);
        expect(result.stdout).toMatch(/│\s*marketplace set 2\/2 \(\d+ changes\)\s*│\s*aws-marketplace/);
        expect(result.stdout).toContain('succeeded');
      });
    });

    describe('having a change set that fails', () => {
      it('should exit 1, skip the later set on the same entity and finish the unrelated one', async () => {
        const result = await runChangeplane([
          'apply',
          'test/fixtures/failing-plan.yaml',
          '--json',
          ...fast,
          '--state',
          stateFile(),
        ]);
        expect(result.code).toBe(1);
        const [finished] = byType(result.events, 'run-finished') as { summary: { status: string }[] }[];
        expect(finished!.summary.map((row) => row.status).sort()).toEqual(['failed', 'skipped']);
      });
    });

    describe('having an invalid plan', () => {
      it('should exit 2 naming the file and each field, and start nothing', async () => {
        const result = await runChangeplane([
          'apply',
          'test/fixtures/invalid-plan.yaml',
          '--json',
          ...fast,
          '--state',
          stateFile(),
        ]);
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
        expect(paths.some((path) => path.startsWith('marketplace.changes[0].details'))).toBe(true);
        expect(byType(result.events, 'task-status')).toEqual([]);
      });

      it('should report structural errors with their paths', async () => {
        const result = await runChangeplane([
          'plan',
          'test/fixtures/malformed-plan.yaml',
          ...fast,
          '--state',
          stateFile(),
        ]);
        expect(result.code).toBe(2);
        const plain = stripVTControlCharacters(result.stdout);
        expect(plain).toContain('test/fixtures/malformed-plan.yaml: ros.stacks[0]');
        expect(plain).toContain('marketplace.changes[0].changeType');
        expect(plain).toContain('marketplace.changes[0].entity.type');
      });

      it('should say so when the file does not exist', async () => {
        const result = await runChangeplane(['apply', 'nowhere.yaml', '--json', '--state', stateFile()]);
        expect(result.code).toBe(2);
        expect(JSON.stringify(result.events)).toContain('no such file');
      });
    });
  });

  describe('plan', () => {
    describe('having the demo plan', () => {
      it('should create ROS change sets without executing them and validate the Marketplace sets', async () => {
        const result = await runChangeplane([
          'plan',
          'examples/plans/demo.yaml',
          '--json',
          ...fast,
          '--state',
          stateFile(),
        ]);
        expect(result.code).toBe(0);
        const statuses = byType(result.events, 'task-status').map((event) => event.status);
        expect(statuses).not.toContain('running');
        const [finished] = byType(result.events, 'run-finished') as { summary: { task: string; status: string }[] }[];
        const byTask = Object.fromEntries(finished!.summary.map((row) => [row.task, row.status]));
        expect(byTask).toMatchObject({ 'ros:web-network': 'ready', 'marketplace:1': 'validated' });
      });
    });
  });

  describe('apply, status and cancel against standalone emulators', () => {
    it('should report lock contention with exit 3, show status and cancel', async () => {
      const { child, environment } = await startEmulatorsProcess();
      try {
        const state = stateFile();
        const first = await runChangeplane(
          ['apply', 'test/fixtures/one-entity-plan.yaml', '--json', '--detach', '--state', state],
          environment,
        );
        expect(first.code).toBe(0);
        const second = await runChangeplane(
          ['apply', 'test/fixtures/one-entity-plan.yaml', '--json', '--state', stateFile()],
          environment,
        );
        expect(second.code).toBe(3);
        const [failure] = byType(second.events, 'task-failed') as { error: { kind: string; message: string } }[];
        expect(failure!.error.kind).toBe('locked');
        expect(failure!.error.message).toContain('prod-contended');

        const status = await runChangeplane(['status', '--json', '--state', state], environment);
        expect(status.code).toBe(0);
        expect(byType(status.events, 'task-status')[0]).toMatchObject({ task: 'marketplace:1', status: 'running' });

        const cancelled = await runChangeplane(['cancel', 'marketplace:1', '--json', '--state', state], environment);
        expect(cancelled.code).toBe(0);
        expect(JSON.stringify(cancelled.events)).not.toContain(environment.AWS_SECRET_ACCESS_KEY);
      } finally {
        child.kill('SIGTERM');
      }
    }, 60_000);
  });
});
