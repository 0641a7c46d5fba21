import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, identity, plan, submitted } from '../../../../test/support/host-fixtures.js';
import { freshSchema, postgresUrl } from '../../../../test/support/postgres-test-schema.js';
import { ScriptedPlanRunner } from '../../../../test/support/scripted-plan-runner.js';
import { valueOrThrow } from '../../../../test/support/value-or-throw.js';
import { PostgresHostStore } from '../store/postgres-host-store.js';
import { PostgresWorkers } from './postgres-workers.js';

describe(PostgresWorkers, () => {
  const { schema, drop } = freshSchema('host_workers');
  let store: PostgresHostStore;
  let workers: PostgresWorkers[] = [];
  const startWorkers = (runner: ScriptedPlanRunner, options: ConstructorParameters<typeof PostgresWorkers>[2] = {}) => {
    const set = new PostgresWorkers(store, runner, { pollMs: 200, heartbeatMs: 200, ...options });
    workers.push(set);
    set.start();
    return set;
  };
  const run = async (id: string) => valueOrThrow(await store.getRun(id), 'reading')!;
  const actions = async (id: string) =>
    valueOrThrow(await store.readAudit({ run: id }), 'audit').items.map((row) => row.action);
  beforeAll(async () => {
    store = valueOrThrow(await PostgresHostStore.open({ connectionString: postgresUrl() }, { schema }), 'open');
  });
  afterEach(async () => {
    await Promise.all(workers.map((set) => set.drain()));
    workers = [];
  });
  afterAll(async () => {
    await store.close();
    await drop();
  });

  describe('having a run carried out', () => {
    describe('when it emits task events and ends', () => {
      it('should store the events, keep its tasks up to date, record the end and free its locks', async () => {
        const runner = new ScriptedPlanRunner();
        startWorkers(runner);
        const id = await submitted(store, 'events', ['ev:x'], 'ev');
        await eventually(async () => (await run(id)).state === 'succeeded');
        const view = await run(id);
        expect(view).toMatchObject({
          exitCode: 0,
          tasks: [{ task: 'p:ev', status: 'succeeded', changeSetId: 'cs-ev' }],
        });
        const events = valueOrThrow(await store.readEvents(id), 'events');
        expect(events.map((event) => event.event.type)).toEqual(['task-added', 'task-status', 'task-status']);
        const after = valueOrThrow(await store.readEvents(id, events[0]!.id), 'events');
        expect(after).toHaveLength(2);
        expect(await actions(id)).toEqual(['submitted', 'started', 'finished']);
        const next = await submitted(store, 'events', ['ev:x'], 'ev-2');
        await eventually(async () => (await run(next)).state === 'succeeded');
      });
    });
  });

  describe('having a watcher on a run', () => {
    describe('when the run gets events', () => {
      it('should be called through the store LISTEN connection', async () => {
        const runner = new ScriptedPlanRunner({ hold: ['watched'] });
        const id = await submitted(store, 'watch', ['watch:x'], 'watched');
        let calls = 0;
        const unsubscribe = await store.watch(id, () => {
          calls += 1;
        });
        startWorkers(runner);
        await eventually(() => calls >= 2);
        runner.finish('watched');
        await eventually(async () => (await run(id)).state === 'succeeded');
        await unsubscribe();
      });
    });
  });

  describe('having a running run', () => {
    describe('when cancelled', () => {
      it('should abort it through its signal and end it cancelled', async () => {
        const runner = new ScriptedPlanRunner({ hold: ['to-cancel'] });
        startWorkers(runner);
        const id = await submitted(store, 'cancel', ['cancel:x'], 'to-cancel');
        await eventually(async () => (await run(id)).state === 'running');
        const asked = valueOrThrow(await store.cancel(id, identity('cancel')), 'cancel');
        expect(asked).toMatchObject({ state: 'running', reason: 'cancel requested by cancel-bot' });
        await eventually(async () => (await run(id)).state === 'cancelled');
        expect((await run(id)).exitCode).toBe(3);
        expect(await actions(id)).toEqual(['submitted', 'started', 'cancelled', 'finished']);
      });
    });
  });

  describe('having a token that requires approval', () => {
    const approver = identity('appr', { name: 'appr-approver', approver: true });
    const submitNeedingApproval = async (label: string) =>
      valueOrThrow(
        await store.submit({
          identity: identity('appr', { requiresApproval: true }),
          plan: plan([`appr:${label}`], label),
        }),
        'submit',
      ).run.id;

    describe('when approved with the digest it shows', () => {
      it('should wait queued with the reason, then run', async () => {
        startWorkers(new ScriptedPlanRunner());
        const id = await submitNeedingApproval('ok');
        await eventually(async () => (await run(id)).awaitingApproval !== undefined);
        const waiting = await run(id);
        expect(waiting).toMatchObject({
          state: 'queued',
          reason: 'awaiting approval',
          awaitingApproval: { digest: 'digest:ok' },
        });
        expect(waiting.position).toBeUndefined();
        const wrong = await store.approve(id, 'digest:other', true, approver);
        expect(wrong._unsafeUnwrapErr()).toMatchObject({ kind: 'conflict', state: 'queued' });
        valueOrThrow(await store.approve(id, 'digest:ok', true, approver), 'approve');
        await eventually(async () => (await run(id)).state === 'succeeded');
        expect(await actions(id)).toEqual(['submitted', 'started', 'approval-requested', 'approved', 'finished']);
      });
    });

    describe('when rejected', () => {
      it('should end the run cancelled and free its lock', async () => {
        startWorkers(new ScriptedPlanRunner());
        const id = await submitNeedingApproval('no');
        await eventually(async () => (await run(id)).awaitingApproval !== undefined);
        valueOrThrow(await store.approve(id, 'digest:no', false, approver), 'reject');
        await eventually(async () => (await run(id)).state === 'cancelled');
        expect(await actions(id)).toContain('rejected');
        const again = await store.approve(id, 'digest:no', true, approver);
        expect(again._unsafeUnwrapErr()).toMatchObject({ kind: 'conflict', state: 'cancelled' });
      });
    });
  });

  describe('having a server that stops heartbeating mid-run', () => {
    describe('when another server is alive', () => {
      it('should adopt the run, keep its locks, and run it again under the same run id', async () => {
        const silentRunner = new ScriptedPlanRunner({ hold: ['adopt'] });
        // The first set beats once (at start) and never again: as good as killed, for the queue.
        startWorkers(silentRunner, { heartbeatMs: 3_600_000, serverId: 'silent' });
        const id = await submitted(store, 'adopt', ['adopt:x'], 'adopt');
        await eventually(() => silentRunner.ledger.runs.length === 1);
        const survivor = new ScriptedPlanRunner({ durationMs: () => 10 });
        const began = Date.now();
        startWorkers(survivor, { deadAfterMs: 1_000, serverId: 'survivor' });
        await eventually(() => survivor.ledger.runs.length === 1, 10_000);
        expect(survivor.ledger.runs[0]!.runId).toBe(id);
        expect(Date.now() - began).toBeLessThan(5_000);
        await eventually(async () => (await run(id)).state === 'succeeded');
        // The silent server heard of the adoption and stopped its copy without recording an end.
        await eventually(() => silentRunner.ledger.runs[0]!.outcome === 'cancelled');
        expect(await actions(id)).toEqual(['submitted', 'started', 'adopted', 'finished']);
      });
    });
  });

  describe('having a run whose change set is not final when it ends', () => {
    describe('when the provider later reports it final', () => {
      it('should keep the lock (healing) and free it only then', async () => {
        const runner = new ScriptedPlanRunner();
        runner.finals.set('heal', false);
        startWorkers(runner);
        const id = await submitted(store, 'heal', ['heal:x'], 'heal');
        await eventually(async () => (await run(id)).state === 'succeeded');
        const next = await submitted(store, 'heal', ['heal:x'], 'after-heal');
        await new Promise((resolve) => setTimeout(resolve, 800));
        expect(await run(next)).toMatchObject({ state: 'queued', position: 2, reason: 'waiting for heal:x' });
        runner.finals.set('heal', undefined);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect((await run(next)).state).toBe('queued');
        runner.finals.set('heal', true);
        await eventually(async () => (await run(next)).state === 'succeeded');
      });
    });
  });

  describe('having a draining server with a run that outlasts the grace period', () => {
    describe('when drained', () => {
      it('should hand the run over so another server adopts it at once', async () => {
        const first = new ScriptedPlanRunner({ hold: ['drain'] });
        const draining = startWorkers(first, { drainGraceMs: 200 });
        const id = await submitted(store, 'drain', ['drain:x'], 'drain');
        await eventually(() => first.ledger.runs.length === 1);
        await draining.drain();
        expect((await run(id)).state).toBe('running');
        const second = new ScriptedPlanRunner();
        startWorkers(second);
        await eventually(async () => (await run(id)).state === 'succeeded', 5_000);
        expect(await actions(id)).toEqual(['submitted', 'started', 'handed-over', 'adopted', 'finished']);
      });
    });
  });

  describe('having a server restarted under the same id', () => {
    describe('when it starts', () => {
      it('should take back the runs of its previous life', async () => {
        const client = new pg.Client({ connectionString: postgresUrl() });
        await client.connect();
        const id = await submitted(store, 'restart', ['restart:x'], 'restart');
        await client
          .query(
            `UPDATE "${schema}".runs SET state = 'running', server_id = 'same', started_at = now() WHERE id = $1`,
            [id],
          )
          .finally(() => client.end());
        const runner = new ScriptedPlanRunner();
        startWorkers(runner, { serverId: 'same' });
        await eventually(async () => (await run(id)).state === 'succeeded', 5_000);
      });
    });
  });
});
