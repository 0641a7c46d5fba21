import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileRunJournal } from '@changeplane/core';
import { afterAll, describe, expect, it } from 'vitest';

const writer = fileURLToPath(new URL('./journal-writer.ts', import.meta.url));

interface ChildRun {
  readonly lines: string[];
  readonly killedAfterMs: number;
}

/** Runs the writer and SIGKILLs it at a random instant once it has begun writing. */
function runAndKill(directory: string, killAfterMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions', 'source', '--import', 'tsx', writer, directory], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url)) },
    });
    let out = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const began = Date.now();
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      // Count the delay from the first line, so every kill lands while entries are being written.
      if (!timer && out.includes('\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended ${code ?? signal}: ${out}`));
      else resolve({ lines: out.split('\n').filter(Boolean), killedAfterMs: Date.now() - began });
    });
  });
}

describe('FileRunJournal under kill -9', () => {
  const directories: string[] = [];
  afterAll(async () => {
    await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
  });

  it('should keep every acknowledged entry, read consistently, and let the next run resume (30 kills)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'changeplane-kill-'));
    directories.push(directory);
    const acknowledged: string[] = [];
    let runId: string | undefined;
    for (let round = 0; round < 30; round += 1) {
      const { lines } = await runAndKill(directory, Math.floor(Math.random() * 120));
      const [first, ...rest] = lines;
      const [, id, how] = (first ?? '').split(' ');
      // The killed writer's lock is stale: the next one takes it and resumes the same run.
      expect(how).toBe(round === 0 ? 'new' : 'resumed');
      runId ??= id;
      expect(id).toBe(runId);
      acknowledged.push(...rest.filter((line) => line.startsWith('ack ')));

      const journal = new FileRunJournal({ directory });
      const replay = (await journal.replay(runId!))._unsafeUnwrap();
      const tasks = new Map([...replay.inFlight, ...replay.left].map((task) => [task.taskKey, task]));
      for (const line of acknowledged) {
        const [, kind, taskKey, token] = line.split(' ');
        const task = tasks.get(taskKey!);
        expect(task, `${line} lost`).toBeDefined();
        if (kind === 'intent') expect(task!.operations[0]!.clientToken).toBe(token);
        if (kind === 'outcome') {
          expect(task!.state).toBe('left');
          expect(task!.handle?.changeSetId).toMatch(/^cs-\d+$/);
        }
      }
      // Every created change set is listed for status and cancel, the in-flight ones as unknown.
      const listed = (await journal.listChangeSets())._unsafeUnwrap();
      expect(listed.filter((item) => item.state === 'created')).toHaveLength(replay.left.length);
      expect(listed.filter((item) => item.state === 'unknown')).toHaveLength(replay.inFlight.length);
      // At most one entry per killed writer can be cut short: its intent recorded, its outcome not.
      expect(replay.inFlight.length).toBeLessThanOrEqual(round + 1);
    }
    const text = await readFile(join(directory, 'journal.jsonl'), 'utf8');
    expect(text.split('\n').filter(Boolean).length).toBeGreaterThan(30);
  }, 180_000);
});
