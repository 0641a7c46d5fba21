import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveClientToken } from '../_internals/journal/derive-client-token.js';
import { createChangeSetError } from '../errors/create-change-set-error.js';
import type { ChangeSetHandle } from '../model/change-set-handle.js';
import { FileRunJournal } from './file-run-journal.js';
import { InMemoryRunJournal } from './in-memory-run-journal.js';
import { planContentHash } from './plan-content-hash.js';

const handle = (changeSetId?: string): ChangeSetHandle => ({
  provider: 'aws-marketplace',
  ...(changeSetId ? { changeSetId } : {}),
  scope: { catalog: 'AWSMarketplace' },
  outcome: 'ready',
  entities: ['prod-1'],
  changes: [],
  startToken: 't',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe(deriveClientToken, () => {
  it('should be stable per run, task and operation, distinct otherwise, and valid for ROS and the seed AWS rule', () => {
    const token = deriveClientToken('run-1', 'ros:web', 'create');
    expect(deriveClientToken('run-1', 'ros:web', 'create')).toBe(token);
    expect(deriveClientToken('run-1', 'ros:web', 'start')).not.toBe(token);
    expect(deriveClientToken('run-2', 'ros:web', 'create')).not.toBe(token);
    expect(token).toMatch(/^[\w-]{1,36}$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe(planContentHash, () => {
  it('should ignore key order and see any change of content', () => {
    expect(planContentHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(planContentHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(planContentHash({ a: 1 })).not.toBe(planContentHash({ a: 2 }));
  });
});

describe(InMemoryRunJournal, () => {
  describe('having a run with a task done, one in flight, one failed and one untouched', () => {
    it('should replay each into its place and list every change set', async () => {
      const journal = new InMemoryRunJournal();
      const run = (await journal.startRun('hash-1'))._unsafeUnwrap();
      expect(run.resumed).toBe(false);
      const { runId } = run;
      for (const operation of ['create', 'start'] as const) {
        await journal.recordIntent({ runId, taskKey: 'done', operation, provider: 'aws-marketplace' });
      }
      await journal.recordOutcome({ runId, taskKey: 'done', operation: 'create', result: { handle: handle() } });
      await journal.recordOutcome({
        runId,
        taskKey: 'done',
        operation: 'start',
        result: { ref: { provider: 'aws-marketplace', changeSetId: 'cs-1', scope: {} } },
      });
      await journal.recordIntent({ runId, taskKey: 'crashed', operation: 'create', provider: 'alibaba-ros' });
      await journal.recordIntent({ runId, taskKey: 'lost-answer', operation: 'create', provider: 'alibaba-ros' });
      await journal.recordOutcome({
        runId,
        taskKey: 'lost-answer',
        operation: 'create',
        result: {
          error: createChangeSetError('network', { provider: 'alibaba-ros', operation: 'create', message: 'reset' }),
        },
      });
      await journal.recordIntent({ runId, taskKey: 'refused', operation: 'create', provider: 'alibaba-ros' });
      await journal.recordOutcome({
        runId,
        taskKey: 'refused',
        operation: 'create',
        result: {
          error: createChangeSetError('validation', {
            provider: 'alibaba-ros',
            operation: 'create',
            message: 'no',
            issues: [],
          }),
        },
      });

      const replay = (await journal.replay(runId, ['done', 'crashed', 'untouched']))._unsafeUnwrap();
      expect(replay.done.map((task) => task.taskKey)).toEqual(['done']);
      expect(replay.done[0]!.ref?.changeSetId).toBe('cs-1');
      expect(replay.inFlight.map((task) => task.taskKey)).toEqual(['crashed', 'lost-answer']);
      expect(replay.inFlight[0]!.operations[0]!.clientToken).toBe(journal.clientToken(runId, 'crashed', 'create'));
      expect(replay.failed.map((task) => task.taskKey)).toEqual(['refused']);
      expect(replay.left.map((task) => task.taskKey)).toEqual(['untouched']);

      const listed = (await journal.listChangeSets())._unsafeUnwrap();
      expect(listed.map((item) => [item.taskKey, item.state])).toEqual([
        ['done', 'started'],
        ['crashed', 'unknown'],
        ['lost-answer', 'unknown'],
      ]);

      // The same plan finds the unfinished run; once finished, a new one starts.
      const again = (await journal.startRun('hash-1'))._unsafeUnwrap();
      expect(again).toMatchObject({ runId, resumed: true });
      expect((await journal.startRun('hash-1', { newRun: true }))._unsafeUnwrap().runId).not.toBe(runId);
      await journal.finishRun(runId, 'succeeded');
      expect((await journal.findUnfinishedRun('hash-1'))._unsafeUnwrap()?.runId).not.toBe(runId);
      expect((await journal.replay('nope'))._unsafeUnwrapErr()).toMatchObject({ kind: 'journal', code: 'not-found' });
    });
  });
});

describe(FileRunJournal, () => {
  const directories: string[] = [];
  const folder = async () => {
    const directory = await mkdtemp(join(tmpdir(), 'changeplane-journal-'));
    directories.push(directory);
    return directory;
  };
  afterEach(async () => {
    await Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
  });

  describe('having two runs in one folder', () => {
    it('should refuse the second while the first holds the lock, and let it in after', async () => {
      const directory = await folder();
      const first = new FileRunJournal({ directory });
      const second = new FileRunJournal({ directory });
      const run = (await first.startRun('h'))._unsafeUnwrap();
      expect((await second.startRun('h'))._unsafeUnwrapErr()).toMatchObject({ code: 'locked' });
      await first.finishRun(run.runId, 'succeeded');
      expect((await second.startRun('h'))._unsafeUnwrap().resumed).toBe(false);
      await second.close();
    });

    it('should take over a lock whose process is gone', async () => {
      const directory = await folder();
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
      await writeFile(join(directory, 'journal.lock'), JSON.stringify({ pid: Number(dead), host: '', at: '' }));
      const journal = new FileRunJournal({ directory });
      expect((await journal.startRun('h')).isOk()).toBe(true);
      await journal.close();
    });
  });

  describe('having a torn last line', () => {
    it('should skip it on read and keep appending on a fresh line', async () => {
      const directory = await folder();
      const journal = new FileRunJournal({ directory });
      const { runId } = (await journal.startRun('h'))._unsafeUnwrap();
      await journal.close();
      await appendFile(join(directory, 'journal.jsonl'), '{"type":"intent","runId":"');
      const reopened = new FileRunJournal({ directory });
      expect((await reopened.startRun('h'))._unsafeUnwrap()).toMatchObject({ runId, resumed: true });
      await reopened.recordIntent({ runId, taskKey: 't', operation: 'create', provider: 'p' });
      const replay = (await new FileRunJournal({ directory }).replay(runId))._unsafeUnwrap();
      expect(replay.inFlight.map((task) => task.taskKey)).toEqual(['t']);
      await reopened.close();
    });
  });
});
