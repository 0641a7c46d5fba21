import { describe, expect, it } from 'vitest';
import { byType, expectFinished, finishedOf, runPlan, writePlan } from './cli-files.js';
import { withEmulatorsProcess } from './run-changeplane.js';

/** Five changes of one type on one product: five change sets in sequence, each with long details. */
const sequencePlan = () =>
  writePlan(
    [
      'version: 1',
      'marketplace:',
      '  changes:',
      ...[1, 2, 3, 4, 5].flatMap((n) => [
        '    - changeType: UpdateInformation',
        '      entity: {type: SaaSProduct@1.0, identifier: prod-seq}',
        `      details: {ProductTitle: "Title ${n}, a title long enough to run past any terminal's width by itself", Password: hunter2-hunter2}`,
      ]),
      '',
    ].join('\n'),
  );

describe('changeplane output', () => {
  describe('having Marketplace changes with details', () => {
    it('should show each change with its details, cut to the width and masked, and a long sequence by name', async () => {
      const result = await runPlan(sequencePlan(), { command: 'plan', json: false }, { NO_COLOR: '1' });
      expect(result.code).toBe(0);
      const changeLines = result.stdout.split('\n').filter((line) => line.includes('UpdateInformation'));
      expect(changeLines).toHaveLength(5);
      for (const line of changeLines) {
        expect(line).toMatch(/UpdateInformation\s+SaaSProduct@1\.0\/prod-seq \{"ProductTitle":"Title \d/);
        expect(line.length).toBeLessThan(80);
        expect(line.endsWith('…')).toBe(true);
      }
      expect(result.stdout).toContain('SaaSProduct@1.0/prod-seq takes 5 change sets, one after another');
      expect(result.stdout + result.stderr).not.toContain('hunter2-hunter2');
    }, 60_000);

    it('should carry the details whole in --json, secret-looking values masked', async () => {
      const result = await runPlan(sequencePlan(), { command: 'plan' });
      const changes = byType(result.events, 'task-changes').flatMap(
        (event) => event.changes as { action: string; target: string; detail?: string }[],
      );
      expect(changes).toHaveLength(5);
      expect(JSON.parse(changes[0]!.detail!)).toEqual({
        ProductTitle: "Title 1, a title long enough to run past any terminal's width by itself",
        Password: '***',
      });
      expect(result.stdout).not.toContain('hunter2-hunter2');
    }, 60_000);
  });

  describe('having a ROS endpoint nothing answers on', () => {
    it('should say which host failed, apart from the socket error, without the request URL', async () => {
      const plan = writePlan(
        "version: 1\nros:\n  endpoint: http://127.0.0.1:9\n  stacks:\n    - name: edge\n      template: {ROSTemplateFormatVersion: '2015-09-01'}\n",
      );
      const credentials = {
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tExampleKeyId',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'example-secret-1',
      };
      const result = await runPlan(
        plan,
        { command: 'plan', emulators: false, flags: ['--max-wait', '5'] },
        credentials,
      );
      expectFinished(result, 4);
      const [failed] = byType(result.events, 'task-failed') as { error: { kind: string; message: string } }[];
      expect(failed!.error).toMatchObject({
        kind: 'network',
        message: 'POST http://127.0.0.1:9 failed: connect ECONNREFUSED 127.0.0.1:9',
      });
      expect(result.stdout).not.toContain('ClientToken=');
      expect(result.stdout).not.toContain('127.0.0.1:9POST');
    }, 60_000);
  });

  describe('having lock contention', () => {
    it('should exit 3 and point to --lock-wait', async () => {
      await withEmulatorsProcess('slow', async (environment) => {
        const contended = 'test/fixtures/one-entity-plan.yaml';
        expect((await runPlan(contended, { emulators: false, flags: ['--detach'] }, environment)).code).toBe(0);
        const second = await runPlan(contended, { emulators: false }, environment);
        expect(second.code).toBe(3);
        expect(finishedOf(second.events).reason).toContain('`apply --lock-wait <seconds>` waits for it');
      });
    }, 60_000);
  });
});
