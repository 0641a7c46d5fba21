import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type RunView } from '@changeplane/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeplaneBinary, isolatedEnv, runChangeplane } from './run-changeplane.js';
import { createToken, freshDatabase, type ServeProcess, startServe } from './serve-process.js';
import { TerminalSession } from './terminal-session.js';

const work = mkdtempSync(join(tmpdir(), 'changeplane-submit-'));

/** A plan file updating one Marketplace entity of the emulator. */
function planFile(title: string): string {
  const entity = `prod-submit-${randomUUID().slice(0, 8)}`;
  const file = join(work, `${entity}.json`);
  const plan = {
    version: 1,
    name: `submit-${entity}`,
    marketplace: {
      changes: [
        {
          changeType: 'UpdateInformation',
          entity: { type: 'SaaSProduct@1.0', identifier: entity },
          details: { ProductTitle: title },
        },
      ],
    },
  };
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

async function finalRun(server: ServeProcess, token: string, runId: string): Promise<RunView> {
  const client = createClient({ url: server.url, token });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const run = (await client.getRun(runId))._unsafeUnwrap();
    if (['succeeded', 'failed', 'cancelled'].includes(run.state)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} is still ${run.state}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('changeplane submit', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: ServeProcess;
  let token: string;
  beforeAll(async () => {
    database = await freshDatabase();
    server = await startServe(['--store', database.url, '--emulators', '--emulator-speed', 'slow'], {});
    token = await createToken(database.url, ['--tenant', 'web', '--name', 'bot', '--scope', 'aws-marketplace:*']);
  }, 60_000);
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (server) await new Promise((resolve) => server.child.once('close', resolve));
    await database?.drop();
  }, 60_000);

  describe('having a server with emulators and a token', () => {
    it('should print the run as apply --json does and exit 0 (token from --token)', async () => {
      const submitted = await runChangeplane([
        'submit',
        planFile('json'),
        '--server',
        server.url,
        '--token',
        token,
        '--json',
      ]);
      expect(submitted.code, submitted.stderr).toBe(0);
      const types = submitted.events.map((event) => event.type);
      expect(types[0]).toBe('notice');
      expect(types).toEqual(expect.arrayContaining(['run-started', 'task-added', 'task-status', 'run-finished']));
      expect(submitted.events.at(-1)).toMatchObject({ type: 'run-finished', exitCode: 0 });
      expect(submitted.stdout + submitted.stderr).not.toContain(token);
    }, 90_000);

    it("should show apply's summary to people and exit 0 (token from CHANGEPLANE_TOKEN)", async () => {
      const submitted = await runChangeplane(['submit', planFile('human'), '--server', server.url], {
        CHANGEPLANE_TOKEN: token,
      });
      expect(submitted.code, submitted.stderr).toBe(0);
      // Its place in line, when the host gave one: a run claimed at once has none.
      expect(submitted.stdout).toMatch(/^run \S+ queued(: place \d+ in line)?$/m);
      expect(submitted.stdout).not.toContain('place ?');
      expect(submitted.stdout).toContain('✔');
    }, 90_000);

    it('should print only the run id with --detach, and `runs` should list it', async () => {
      const detached = await runChangeplane(['submit', planFile('detach'), '--server', server.url, '--detach'], {
        CHANGEPLANE_TOKEN: token,
      });
      expect(detached.code, detached.stderr).toBe(0);
      const runId = detached.stdout.trim();
      expect(runId).toMatch(/^\S+$/);
      const listed = await runChangeplane(['runs', '--server', server.url, '--json'], { CHANGEPLANE_TOKEN: token });
      expect(listed.code, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as { items: RunView[] }).items.map((run) => run.id)).toContain(runId);
      const text = await runChangeplane(['runs', '--server', server.url, '--token', token]);
      expect(text.stdout).toContain(runId);
      expect((await finalRun(server, token, runId)).state).toBe('succeeded');
    }, 90_000);
  });

  describe('having input the server refuses or no server', () => {
    it('should exit 2 with the issues for an invalid plan, and nothing queued', async () => {
      const file = join(work, 'invalid.json');
      writeFileSync(file, JSON.stringify({ version: 1, marketplace: { changes: [{ changeType: 42 }] } }));
      const submitted = await runChangeplane(['submit', file, '--server', server.url, '--token', token, '--json']);
      expect(submitted.code).toBe(2);
      expect(submitted.events.find((event) => event.type === 'input-invalid')).toMatchObject({
        issues: expect.arrayContaining([expect.objectContaining({ file })]),
      });
    });

    it('should exit 2 for targets outside the scopes, 4 for a bad token or no server', async () => {
      const narrow = await createToken(database.url, [
        '--tenant',
        'web',
        '--name',
        'ros-only',
        '--scope',
        'alibaba-ros:*',
      ]);
      const outside = await runChangeplane(['submit', planFile('x'), '--server', server.url, '--token', narrow]);
      expect(outside.code).toBe(2);
      expect(outside.stderr + outside.stdout).toContain('aws-marketplace:SaaSProduct@1.0/prod-submit-');
      const unknown = await runChangeplane(['submit', planFile('x'), '--server', server.url, '--token', 'cp_nope']);
      expect(unknown.code).toBe(4);
      const nowhere = await runChangeplane([
        'submit',
        planFile('x'),
        '--server',
        'http://127.0.0.1:9',
        '--token',
        token,
      ]);
      expect(nowhere.code).toBe(4);
      expect(nowhere.stdout + nowhere.stderr).not.toContain(token);
    });
  });

  describe('having Ctrl-C while the run is followed', () => {
    it('should ask on a terminal, cancel the run on yes, and exit 130', async () => {
      const terminal = TerminalSession.start(
        [process.execPath, changeplaneBinary, 'submit', planFile('tty'), '--server', server.url],
        { env: isolatedEnv({ CHANGEPLANE_TOKEN: token, TERM: 'xterm-256color' }), cwd: work, columns: 120 },
      );
      try {
        const shown = await terminal.waitFor(/run (\S+) queued/);
        const runId = /run (\S+) queued/.exec(shown)![1]!;
        terminal.send('C-c');
        await terminal.waitFor(`Cancel run ${runId} on the server? [y/N]`);
        terminal.send('y', 'Enter');
        expect(await terminal.exitCode()).toBe(130);
        expect(terminal.screen()).toContain(`run ${runId} was cancelled on the server`);
        expect((await finalRun(server, token, runId)).state).toBe('cancelled');
      } finally {
        terminal.close();
      }
    }, 90_000);

    it('should leave the run going without a terminal and exit 130', async () => {
      const { spawn } = await import('node:child_process');
      const child = spawn(
        process.execPath,
        [changeplaneBinary, 'submit', planFile('pipe'), '--server', server.url, '--json'],
        { env: isolatedEnv({ CHANGEPLANE_TOKEN: token }), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      const queued = new Promise<string>((resolve) =>
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const id = /run (\S+) queued/.exec(stdout)?.[1];
          if (id) resolve(id);
        }),
      );
      const runId = await queued;
      child.kill('SIGINT');
      const code = await new Promise((resolve) => child.once('close', resolve));
      expect(code).toBe(130);
      expect(stdout).toContain('goes on on the server');
      expect((await finalRun(server, token, runId)).state).toBe('succeeded');
    }, 90_000);
  });
});
