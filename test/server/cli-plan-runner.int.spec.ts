import { readFile } from 'node:fs/promises';
import { builtinDescriptors, createCliPlanRunner } from '@changeplane/cli';
import { PostgresEntityLockStore, PostgresRunJournal } from '@changeplane/postgres';
import type { HeldChangeSet, PlanRunner, RunnerEvent } from '@changeplane/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresUrl } from '../support/postgres-test-schema.js';
import { startHostEmulators } from './host-emulators.js';

const demoPlan = () => readFile(new URL('../../examples/plans/demo.yaml', import.meta.url), 'utf8');

function context(
  runId: string,
  overrides: { signal?: AbortSignal; approval?: (digest: string) => Promise<boolean> } = {},
) {
  const events: RunnerEvent[] = [];
  const held: HeldChangeSet[] = [];
  return {
    events,
    held,
    context: {
      runId,
      tenant: 'platform',
      signal: overrides.signal ?? new AbortController().signal,
      emit: async (event: RunnerEvent) => {
        events.push(event);
      },
      holding: async (changeSet: HeldChangeSet) => {
        held.push(changeSet);
      },
      ...(overrides.approval ? { approval: overrides.approval } : {}),
    },
  };
}

describe('createCliPlanRunner', () => {
  const { schema, drop } = freshSchema('runner');
  let runner: PlanRunner;
  let emulators: Awaited<ReturnType<typeof startHostEmulators>>;
  let journal: PostgresRunJournal;
  let lockStore: PostgresEntityLockStore;

  beforeAll(async () => {
    emulators = await startHostEmulators();
    journal = new PostgresRunJournal({ connectionString: postgresUrl(), schema });
    lockStore = new PostgresEntityLockStore({ connectionString: postgresUrl(), schema });
    runner = await createCliPlanRunner({
      descriptors: builtinDescriptors,
      store: { journal, lockStore },
      env: emulators.environment,
      maxWaitSeconds: 60,
    });
  }, 60_000);

  afterAll(async () => {
    await runner?.close();
    await journal?.close();
    await lockStore?.close();
    await emulators?.close();
    await drop();
  });

  describe('having a plan of two ROS stacks and Marketplace changes', () => {
    describe('when checked', () => {
      it('should name every target for scopes and every lock the run needs, sorted', async () => {
        const checked = await runner.check(await demoPlan(), 'yaml');
        expect(checked.isOk()).toBe(true);
        const plan = checked._unsafeUnwrap();
        expect(plan.targets).toEqual(
          expect.arrayContaining([
            { provider: 'alibaba-ros', target: 'web-network' },
            { provider: 'alibaba-ros', target: 'web-cache' },
            { provider: 'aws-marketplace', target: 'SaaSProduct@1.0/' },
          ]),
        );
        expect(plan.locks).toContain('alibaba-ros:stack:cn-hangzhou:web-network');
        expect(plan.locks).toEqual([...plan.locks].sort());
        expect(plan.digest).toMatch(/^[0-9a-f]{64}$/);
        expect(plan.changeSets).toBeGreaterThanOrEqual(3);
      });
    });

    describe('when run', () => {
      it('should carry it out as apply does, emit the --json events and say which locks wait on which change set', async () => {
        const plan = (await runner.check(await demoPlan(), 'yaml'))._unsafeUnwrap();
        const run = context(crypto.randomUUID());
        const outcome = await runner.run(plan.document, run.context);
        expect(outcome).toMatchObject({ state: 'succeeded', exitCode: 0 });
        const types = run.events.map((event) => event.type);
        expect(types[0]).toBe('run-started');
        expect(types.at(-1)).toBe('run-finished');
        expect(types).toContain('task-status');
        expect(run.held.length).toBeGreaterThanOrEqual(2);
        for (const held of run.held) expect(held.locks.length).toBeGreaterThan(0);
        // Seen settled during the run, then (asked again) from the provider itself.
        expect(await runner.isFinal(run.held[0]!)).toBe(true);
        expect(await runner.isFinal(run.held[0]!)).toBe(true);
      }, 120_000);
    });
  });

  describe('having a plan that breaks the schema', () => {
    describe('when checked', () => {
      it('should give the plan-file issues by path and queue nothing', async () => {
        const checked = await runner.check('{"version": 1, "marketplace": {"changes": [{"changeType": 3}]}}', 'json');
        expect(checked.isErr()).toBe(true);
        expect(checked._unsafeUnwrapErr().map((problem) => problem.path)).toContain(
          'marketplace.changes[0].changeType',
        );
      });

      it('should refuse a duplicate key of YAML with its rule', async () => {
        const checked = await runner.check('version: 1\nversion: 1\n', 'yaml');
        expect(checked._unsafeUnwrapErr()[0]).toMatchObject({ rule: 'duplicate_key' });
      });
    });
  });

  describe('having a run an approver rejects', () => {
    describe('when run', () => {
      it('should prepare and show the change sets, start none and end cancelled', async () => {
        const plan = (await runner.check(await demoPlan(), 'yaml'))._unsafeUnwrap();
        const asked: string[] = [];
        const run = context(crypto.randomUUID(), {
          approval: async (digest) => {
            asked.push(digest);
            return false;
          },
        });
        const outcome = await runner.run(plan.document, run.context);
        expect(asked).toEqual([plan.digest]);
        expect(run.events.some((event) => event.type === 'task-changes')).toBe(true);
        expect(run.held).toEqual([]);
        expect(outcome.state).not.toBe('succeeded');
      }, 120_000);
    });
  });
});
