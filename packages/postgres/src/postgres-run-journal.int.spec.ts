import { EntityLockStoreToken, RunJournalToken } from '@changeplane/core';
import { createChangeSetError } from '@changeplane/core/adapter';
import { Container } from 'inversify';
import { afterAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresUrl } from '../../../test/support/postgres-test-schema.js';
import { PostgresRunJournal } from './postgres-run-journal.js';
import { postgresStoreModule } from './postgres-store-module.js';

describe(PostgresRunJournal, () => {
  const { schema, drop } = freshSchema('journal');
  const journals: PostgresRunJournal[] = [];
  const journal = () => {
    const created = new PostgresRunJournal({ connectionString: postgresUrl(), schema });
    journals.push(created);
    return created;
  };
  afterAll(async () => {
    await Promise.all(journals.map((item) => item.close()));
    await drop();
  });

  describe('having unfinished and finished runs of many plans', () => {
    it("should pick up the plan's own latest unfinished run, reading only that plan's runs", async () => {
      const bot = journal();
      const started = async (plan: string) => (await bot.startRun(plan, { newRun: true }))._unsafeUnwrap().runId;
      for (let index = 0; index < 20; index += 1) await started(`other-${index}`);
      const finished = await started('plan-many');
      await bot.finishRun(finished, 'succeeded');
      const older = await started('plan-many');
      const latest = await started('plan-many');
      await started('plan-many-suffix');
      expect((await bot.findUnfinishedRun('plan-many'))._unsafeUnwrap()?.runId).toBe(latest);
      await bot.finishRun(latest, 'failed');
      expect((await journal().startRun('plan-many'))._unsafeUnwrap()).toMatchObject({ runId: older, resumed: true });
    });
  });

  describe('having a bot that crashed mid-run', () => {
    it('should let another bot find the unfinished run, replay it and list its change sets', async () => {
      const first = journal();
      const { runId, resumed } = (await first.startRun('plan-a'))._unsafeUnwrap();
      expect(resumed).toBe(false);
      const intent = (
        await first.recordIntent({ runId, taskKey: 'ros:web', operation: 'create', provider: 'alibaba-ros' })
      )._unsafeUnwrap();
      await first.recordOutcome({
        runId,
        taskKey: 'ros:web',
        operation: 'create',
        result: {
          error: createChangeSetError('timeout', {
            provider: 'alibaba-ros',
            operation: 'create',
            message: 'slow',
            elapsedMs: 1,
          }),
        },
      });
      await first.recordIntent({ runId, taskKey: 'mp:set-1', operation: 'start', provider: 'aws-marketplace' });

      const second = journal();
      const picked = (await second.startRun('plan-a'))._unsafeUnwrap();
      expect(picked).toMatchObject({ runId, resumed: true });
      expect(second.clientToken(runId, 'ros:web', 'create')).toBe(intent.clientToken);
      const replay = (await second.replay(runId, ['ros:web', 'mp:set-1', 'mp:set-2']))._unsafeUnwrap();
      expect(replay.inFlight.map((task) => task.taskKey)).toEqual(['ros:web', 'mp:set-1']);
      expect(replay.left.map((task) => task.taskKey)).toEqual(['mp:set-2']);
      const listed = (await second.listChangeSets())._unsafeUnwrap();
      expect(listed.filter((item) => item.runId === runId).map((item) => item.state)).toEqual(['unknown', 'unknown']);

      await second.recordOutcome({
        runId,
        taskKey: 'mp:set-1',
        operation: 'start',
        result: { ref: { provider: 'aws-marketplace', changeSetId: 'cs-9', scope: {} } },
      });
      expect((await second.finishRun(runId, 'succeeded'))._unsafeUnwrap().status).toBe('succeeded');
      expect((await first.findUnfinishedRun('plan-a'))._unsafeUnwrap()).toBeUndefined();
      expect((await first.replay('missing'))._unsafeUnwrapErr()).toMatchObject({ code: 'not-found' });
    });
  });

  describe('having a plugin host', () => {
    it('should bind both stores to core tokens through one ContainerModule', async () => {
      const container = new Container();
      await container.load(postgresStoreModule({ connectionString: postgresUrl(), schema }));
      const runs = container.get(RunJournalToken);
      const locks = container.get(EntityLockStoreToken);
      const run = (await runs.startRun('plan-module'))._unsafeUnwrap();
      expect(run.resumed).toBe(false);
      expect((await locks.tryAcquire('module-key', run.runId, 1_000)).isOk()).toBe(true);
      await runs.close();
      await (locks as unknown as { close(): Promise<void> }).close();
    });
  });

  describe('having a database that cannot be reached', () => {
    it('should return an io error without the password', async () => {
      const unreachable = new PostgresRunJournal({
        connectionString: 'postgres://bot:pw-s3cret-long@127.0.0.1:9/x',
        schema,
      });
      const error = (await unreachable.startRun('x'))._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'journal', code: 'io' });
      expect(JSON.stringify(error)).not.toContain('pw-s3cret-long');
      await unreachable.close();
    });
  });
});
