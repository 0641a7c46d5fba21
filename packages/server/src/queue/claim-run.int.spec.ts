import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, submitted } from '../../../../test/support/host-fixtures.js';
import { freshSchema, postgresUrl } from '../../../../test/support/postgres-test-schema.js';
import { LockLedger, ScriptedPlanRunner } from '../../../../test/support/scripted-plan-runner.js';
import { valueOrThrow } from '../../../../test/support/value-or-throw.js';
import { PostgresHostStore } from '../store/postgres-host-store.js';
import { PostgresWorkers } from '../workers/postgres-workers.js';
import { claimRun } from './claim-run.js';

describe(claimRun, () => {
  const { schema, drop } = freshSchema('host_queue');
  const stores: PostgresHostStore[] = [];
  let workers: PostgresWorkers[] = [];
  const open = async () => {
    const store = valueOrThrow(await PostgresHostStore.open({ connectionString: postgresUrl() }, { schema }), 'open');
    stores.push(store);
    return store;
  };
  const heldCount = async () => {
    const client = new pg.Client({ connectionString: postgresUrl() });
    await client.connect();
    const result = await client
      .query(`SELECT count(*)::int AS n FROM "${schema}".held_locks`)
      .finally(() => client.end());
    return result.rows[0].n as number;
  };
  const startOrder = (ledger: LockLedger) =>
    [...ledger.runs].sort((a, b) => a.startedAt - b.startedAt).map((run) => run.label);
  beforeAll(async () => {
    await open();
  });
  afterEach(async () => {
    await Promise.all(workers.map((set) => set.drain()));
    workers = [];
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await drop();
  });

  describe('having two stores and two worker sets racing over shared entities', () => {
    describe('when 40 runs of 3 tenants need 1 to 3 of 4 keys', () => {
      it('should take every run its locks all at once, never hold a key twice, keep per-tenant order per key', async () => {
        const [a, b] = [stores[0]!, await open()];
        const ledger = new LockLedger();
        const keys = ['race:k1', 'race:k2', 'race:k3', 'race:k4'];
        const submittedOrder: { label: string; tenant: string; locks: string[] }[] = [];
        for (let index = 0; index < 40; index += 1) {
          const locks = keys.filter((_, at) => (index * 7 + at * 3) % 5 < 2 || at === index % 4);
          const tenant = `race-${index % 3}`;
          const label = `race-${index}`;
          submittedOrder.push({ label, tenant, locks });
          await submitted(index % 2 ? a : b, tenant, locks, label);
        }
        workers = [a, b].map(
          (store) =>
            new PostgresWorkers(store, new ScriptedPlanRunner({ ledger, durationMs: () => 5 + Math.random() * 10 }), {
              concurrency: 4,
              pollMs: 200,
            }),
        );
        for (const set of workers) set.start();
        await eventually(() => ledger.runs.filter((run) => run.outcome === 'succeeded').length === 40, 20_000);
        expect(ledger.doubleHolds).toEqual([]);
        expect(await heldCount()).toBe(0);
        const order = startOrder(ledger);
        for (const tenant of ['race-0', 'race-1', 'race-2']) {
          for (const key of keys) {
            const mine = submittedOrder.filter((run) => run.tenant === tenant && run.locks.includes(key));
            const started = order.filter((label) => mine.some((run) => run.label === label));
            expect(started).toEqual(mine.map((run) => run.label));
          }
        }
      });
    });
  });

  describe('having tenant A with 50 runs queued on one entity', () => {
    describe('when tenant B submits one run on it', () => {
      it('should start B after at most one run of A, and show B second in line', async () => {
        const store = stores[0]!;
        const runner = new ScriptedPlanRunner({ durationMs: () => 40 });
        for (let index = 0; index < 50; index += 1) await submitted(store, 'fair-a', ['fair:x'], `fair-a-${index}`);
        workers = [new PostgresWorkers(store, runner, { concurrency: 4, pollMs: 200 })];
        workers[0]!.start();
        await eventually(() => runner.ledger.runs.length === 1);
        const submittedAt = Date.now();
        const b = await submitted(store, 'fair-b', ['fair:x'], 'fair-b');
        const view = valueOrThrow(await store.getRun(b), 'reading')!;
        expect(view.position).toBeLessThanOrEqual(2);
        await eventually(() => runner.ledger.runs.some((run) => run.label === 'fair-b'), 10_000);
        const bStart = runner.ledger.runs.find((run) => run.label === 'fair-b')!.startedAt;
        const aStartedBetween = runner.ledger.runs.filter(
          (run) => run.tenant === 'fair-a' && run.startedAt >= submittedAt && run.startedAt < bStart,
        );
        expect(aStartedBetween.length).toBeLessThanOrEqual(1);
        for (let index = 0; index < 50; index += 1) runner.finish(`fair-a-${index}`);
        await eventually(() => runner.ledger.runs.length === 51, 15_000);
        const handoffs = valueOrThrow(await store.readAudit({ tenant: 'fair-a', limit: 1000 }), 'audit').items.filter(
          (row) => row.action === 'lock-handoff',
        );
        // Every A run after the first waited for the one before it: each start is a hand-off, measured.
        expect(handoffs.length).toBeGreaterThanOrEqual(48);
        expect(handoffs.every((row) => typeof row.detail?.ms === 'number')).toBe(true);
      }, 30_000);
    });
  });

  describe('having a stream of single-entity runs on x and on y', () => {
    describe('when a run needing x and y is submitted', () => {
      it('should start it before any single-entity run queued after it on x or y (no starvation)', async () => {
        const store = stores[0]!;
        const runner = new ScriptedPlanRunner({ durationMs: () => 30 });
        for (let index = 0; index < 20; index += 1) {
          await submitted(store, 'starve-a', [index % 2 ? 'starve:x' : 'starve:y'], `single-${index}`);
        }
        workers = [new PostgresWorkers(store, runner, { concurrency: 4, pollMs: 200 })];
        workers[0]!.start();
        await eventually(() => runner.ledger.runs.length >= 2);
        const both = await submitted(store, 'starve-b', ['starve:x', 'starve:y'], 'both');
        // Started by now (an upper bound of what started before the submission: the machine may be slow).
        const startedAtSubmission = startOrder(runner.ledger).length;
        for (let index = 20; index < 30; index += 1) {
          await submitted(store, 'starve-c', [index % 2 ? 'starve:x' : 'starve:y'], `single-${index}`);
        }
        const view = valueOrThrow(await store.getRun(both), 'reading')!;
        // Queued, it says why: the locks it waits on, or that it is next once they are released.
        if (view.state === 'queued') expect(view.reason).toMatch(/^(waiting for starve:|next in line)/);
        await eventually(() => runner.ledger.runs.filter((run) => run.outcome).length === 31, 15_000);
        const order = startOrder(runner.ledger);
        const at = order.indexOf('both');
        // Only the runs started when it was submitted and at most one per entity of A (tenants alternate)
        // come before it.
        expect(at).toBeLessThanOrEqual(startedAtSubmission + 2);
        expect(order.slice(0, at).filter((label) => Number(label.split('-')[1]) >= 20)).toEqual([]);
      });
    });
  });
});
