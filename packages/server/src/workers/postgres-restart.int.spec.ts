import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, submitted } from '../../../../test/support/host-fixtures.js';
import { type PrivatePostgres, startPrivatePostgres } from '../../../../test/support/private-postgres.js';
import { ScriptedPlanRunner } from '../../../../test/support/scripted-plan-runner.js';
import { valueOrThrow } from '../../../../test/support/value-or-throw.js';
import { PostgresHostStore } from '../store/postgres-host-store.js';
import { PostgresWorkers } from './postgres-workers.js';

// A PostgreSQL of its own (embedded), since the spec restarts it: the machine's is shared.
describe('PostgresWorkers across a PostgreSQL restart', () => {
  let database: PrivatePostgres;
  let url: string;
  beforeAll(async () => {
    database = await startPrivatePostgres();
    url = database.url;
  }, 60_000);
  afterAll(async () => {
    await database?.remove();
  }, 30_000);

  describe('having runs carried out', () => {
    describe('when PostgreSQL stops and starts again mid-run', () => {
      it('should retry, never reject, and finish every run', async () => {
        const store = valueOrThrow(await PostgresHostStore.open({ connectionString: url }), 'opening');
        const runner = new ScriptedPlanRunner({ durationMs: () => 1_500 });
        const workers = new PostgresWorkers(store, runner, { heartbeatMs: 200, pollMs: 200 });
        workers.start();
        const ids = [
          await submitted(store, 'restart', ['r:x'], 'restart-1'),
          await submitted(store, 'restart', ['r:y'], 'restart-2'),
        ];
        await eventually(() => runner.ledger.runs.length === 2);
        await database.stop();
        const down = await store.getRun(ids[0]!);
        expect(down.isErr()).toBe(true);
        expect(down._unsafeUnwrapErr().message).not.toContain('restart-spec-only');
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await database.start();
        await eventually(async () => {
          const views = await Promise.all(ids.map((id) => store.getRun(id)));
          return views.every((view) => view.isOk() && view.value?.state === 'succeeded');
        }, 20_000);
        const next = await submitted(store, 'restart', ['r:x'], 'restart-3');
        await eventually(
          async () =>
            (await store.getRun(next)).isOk() && (await store.getRun(next))._unsafeUnwrap()?.state === 'succeeded',
          10_000,
        );
        await workers.drain();
        await store.close();
      }, 60_000);
    });
  });
});
