import { readFile } from 'node:fs/promises';
import { builtinDescriptors, createCliPlanRunner } from '@changeplane/cli';
import { PostgresEntityLockStore, PostgresRunJournal } from '@changeplane/postgres';
import { createServer, type HostServer, PostgresHostStore, PostgresWorkers } from '@changeplane/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream } from '../../packages/server/src/http/sse-reader.spec-support.js';
import { freshSchema, postgresUrl } from '../support/postgres-test-schema.js';
import { valueOrThrow } from '../support/value-or-throw.js';

// biome-ignore lint/suspicious/noExplicitAny: a spec reads the API's JSON answers field by field
type Json = Record<string, any>;

import { startHostEmulators } from './host-emulators.js';

const demoPlan = () => readFile(new URL('../../examples/plans/demo.yaml', import.meta.url), 'utf8');
const terminal = new Set(['succeeded', 'failed', 'cancelled']);

describe('the bot host with the CLI run loop', () => {
  const { schema, drop } = freshSchema('host');
  let emulators: Awaited<ReturnType<typeof startHostEmulators>>;
  let store: PostgresHostStore;
  let journal: PostgresRunJournal;
  let lockStore: PostgresEntityLockStore;
  let server: HostServer;
  let url: string;
  const tokens: Record<string, string> = {};

  const call = async (token: string, path: string, init: RequestInit = {}) => {
    const response = await fetch(`${url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const submit = (token: string, body: string, type = 'application/yaml') =>
    call(token, '/v1/runs', { method: 'POST', body, headers: { 'content-type': type } });
  const settled = async (token: string, id: string) => {
    for (let waited = 0; waited < 60_000; waited += 200) {
      const run = await call(token, `/v1/runs/${id}`);
      if (terminal.has(run.body.state)) return run.body;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`run ${id} did not end`);
  };

  beforeAll(async () => {
    emulators = await startHostEmulators();
    store = valueOrThrow(await PostgresHostStore.open({ connectionString: postgresUrl() }, { schema }), 'store');
    journal = new PostgresRunJournal({ connectionString: postgresUrl(), schema });
    lockStore = new PostgresEntityLockStore({ connectionString: postgresUrl(), schema });
    const runner = await createCliPlanRunner({ descriptors: builtinDescriptors, store: { journal, lockStore } });
    const workers = new PostgresWorkers(store, runner, { heartbeatMs: 500, deadAfterMs: 3_000 });
    server = valueOrThrow(createServer({ store, runner, workers, port: 0 }), 'server');
    url = await server.listen();
    const make = async (name: string, overrides: Record<string, unknown>) => {
      const created = await store.createToken({
        name,
        tenant: 'platform',
        scopes: ['*'],
        approver: false,
        admin: false,
        requiresApproval: false,
        ...overrides,
      });
      tokens[name] = valueOrThrow(created, name).token;
    };
    await make('bot', {});
    await make('careful-bot', { requiresApproval: true });
    await make('approver', { approver: true });
    await make('no-cache', { scopes: ['aws-marketplace:*', 'alibaba-ros:web-net*'] });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await store?.close();
    await journal?.close();
    await lockStore?.close();
    await emulators?.close();
    await drop();
  });

  describe('having the demo plan of two clouds', () => {
    describe('when a bot submits it as YAML', () => {
      it('should queue it, run it to success and stream the CLI events with ids that resume', async () => {
        const submitted = await submit(tokens.bot!, await demoPlan());
        expect(submitted.status).toBe(202);
        expect(submitted.body).toMatchObject({ state: 'queued' });
        const run = await settled(tokens.bot!, submitted.body.id);
        expect(run.state).toBe('succeeded');
        expect(run.tasks.every((task: { status: string }) => task.status === 'succeeded')).toBe(true);

        const events = await fetch(`${url}/v1/runs/${submitted.body.id}/events`, {
          headers: { authorization: `Bearer ${tokens.bot}` },
        });
        const frames = await readStream(events);
        const kinds = frames.filter((frame) => frame.event).map((frame) => frame.event);
        expect(kinds[0]).toBe('run-started');
        expect(kinds.at(-1)).toBe('run-finished');
        const middle = frames.filter((frame) => frame.id)[3]!;
        const resumed = await readStream(
          await fetch(`${url}/v1/runs/${submitted.body.id}/events`, {
            headers: { authorization: `Bearer ${tokens.bot}`, 'last-event-id': middle.id! },
          }),
        );
        expect(resumed.find((frame) => frame.id)?.id).toBe(String(Number(middle.id) + 1));
      }, 90_000);
    });
  });

  describe('having plans the run loop refuses', () => {
    describe('when submitted', () => {
      it('should answer 400 for what cannot be read and 422 for what breaks the schema, queueing nothing', async () => {
        expect((await submit(tokens.bot!, 'version: 1\nversion: 1\n')).status).toBe(400);
        expect((await submit(tokens.bot!, '{"version": 1,', 'application/json')).status).toBe(400);
        const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
        expect((await submit(tokens.bot!, `{"version": 1, "x": ${deep}}`, 'application/json')).status).toBe(400);
        const invalid = await submit(
          tokens.bot!,
          '{"version": 1, "marketplace": {"changes": [{"changeType": 3}]}}',
          'application/json',
        );
        expect(invalid.status).toBe(422);
        expect(invalid.body.issues.map((issue: { path: string }) => issue.path)).toContain(
          'marketplace.changes[0].changeType',
        );
      });

      it('should answer 403 naming every target outside the token scopes', async () => {
        const refused = await submit(tokens['no-cache']!, await demoPlan());
        expect(refused.status).toBe(403);
        expect(refused.body.message).toBe("the token's scopes do not cover: alibaba-ros:web-cache");
      });
    });
  });

  describe('having a token whose runs need approval', () => {
    describe('when an approver approves the digest the run shows', () => {
      it('should prepare, wait in queued awaiting approval, then run to success', async () => {
        const submitted = await submit(tokens['careful-bot']!, await demoPlan());
        let awaiting: Json | undefined;
        for (let waited = 0; waited < 30_000 && !awaiting; waited += 200) {
          const run = await call(tokens['careful-bot']!, `/v1/runs/${submitted.body.id}`);
          if (run.body.awaitingApproval) awaiting = run.body;
          else await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(awaiting).toMatchObject({ state: 'queued', reason: 'awaiting approval' });
        const wrong = await call(tokens.approver!, `/v1/runs/${submitted.body.id}/approve`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ digest: '0'.repeat(64) }),
        });
        expect(wrong.status).toBe(409);
        const approved = await call(tokens.approver!, `/v1/runs/${submitted.body.id}/approve`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ digest: awaiting!.awaitingApproval.digest }),
        });
        expect(approved.status).toBe(200);
        expect((await settled(tokens.bot!, submitted.body.id)).state).toBe('succeeded');
      }, 90_000);
    });
  });
});
