import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresUrl } from '../../../../test/support/postgres-test-schema.js';
import { valueOrThrow } from '../../../../test/support/value-or-throw.js';
import { createServer, type HostServer } from '../create-server.js';
import type { TokenIdentity } from '../host/host-store.js';
import { scriptedPlanRunner } from '../http/scripted-plan-runner.spec-support.js';
import { PostgresHostStore } from '../store/postgres-host-store.js';
import { PostgresWorkers } from '../workers/postgres-workers.js';
import { startReceiver } from './webhook-receiver.spec-support.js';

const until = async (what: () => Promise<boolean> | boolean, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const identity = (name: string, tenant: string): TokenIdentity => ({
  name,
  tenant,
  scopes: ['*'],
  approver: false,
  admin: false,
  requiresApproval: false,
});

describe('webhooks of createServer', () => {
  const { schema, drop } = freshSchema('hooks');
  let store: PostgresHostStore;
  let server: HostServer;
  let url: string;
  const tokens: Record<string, string> = {};
  const runner = scriptedPlanRunner();

  const start = async () => {
    const workers = new PostgresWorkers(store, runner, { pollMs: 100, drainGraceMs: 2_000 });
    const webhooks = { secretKey: 'a key for the spec', retry: { maxAttempts: 3, baseDelayMs: 100 }, pollMs: 100 };
    server = valueOrThrow(createServer({ store, runner, workers, port: 0, webhooks }), 'creating the server');
    url = await server.listen();
  };
  const call = async (method: string, path: string, token: string, body?: object) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[token]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
  const subscribe = async (receiverUrl: string, events: string[], token = 'alpha') =>
    call('POST', '/v1/webhooks', token, { url: receiverUrl, events });
  const submit = async (target: string) =>
    (await call('POST', '/v1/runs', 'alpha', { targets: [{ provider: 'alibaba-ros', target }] })).json.id as string;
  const deliveries = async (id: string) => (await call('GET', `/v1/webhooks/${id}/deliveries`, 'alpha')).json.items;

  beforeAll(async () => {
    store = valueOrThrow(await PostgresHostStore.open({ connectionString: postgresUrl() }, { schema }), 'opening');
    for (const [name, tenant] of [
      ['alpha', 'alpha'],
      ['beta', 'beta'],
    ] as const) {
      tokens[name] = valueOrThrow(await store.createToken(identity(name, tenant)), 'token').token;
    }
    await start();
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await drop();
  });

  describe('having a receiver on loopback that verifies signatures', () => {
    it('should deliver queued, started and succeeded, each signed with the secret given once', async () => {
      const receiver = await startReceiver();
      const made = await subscribe(receiver.url, ['queued', 'started', 'succeeded', 'failed']);
      expect(made.status).toBe(201);
      const secret = made.json.secret as string;
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      receiver.useSecret(secret);
      const runId = await submit('hooked');
      await until(() => receiver.received.length >= 3);
      const bodies = receiver.received.map((got) => JSON.parse(got.body));
      expect(bodies.map((body) => body.type)).toEqual(['run.queued', 'run.started', 'run.succeeded']);
      expect(bodies[2].data).toMatchObject({ runId, tenant: 'alpha', state: 'succeeded', exitCode: 0 });
      expect(receiver.received.map((got) => got.verdict)).toEqual([undefined, undefined, undefined]);
      const log = await deliveries(made.json.webhook.id);
      expect(log.map((row: { state: string }) => row.state)).toEqual(['delivered', 'delivered', 'delivered']);
      expect(log[0].log[0]).toMatchObject({ statusCode: 204, durationMs: expect.any(Number) });
      await receiver.close();
    });

    it('should list the subscription without its secret and keep the secret encrypted at rest', async () => {
      const receiver = await startReceiver();
      const made = await subscribe(receiver.url, ['failed']);
      const listed = await call('GET', '/v1/webhooks', 'alpha');
      expect(JSON.stringify(listed.json)).not.toContain(made.json.secret);
      const client = new pg.Client({ connectionString: postgresUrl() });
      await client.connect();
      const row = await client.query(`SELECT secret FROM "${schema}".webhook_subscriptions WHERE id = $1`, [
        made.json.webhook.id,
      ]);
      await client.end();
      expect(row.rows[0].secret).toMatch(/^v1:/);
      expect(row.rows[0].secret).not.toContain(made.json.secret.slice('whsec_'.length, 20));
      await receiver.close();
    });
  });

  describe('having a receiver that fails twice, then answers', () => {
    it('should retry with backoff and log each attempt', async () => {
      const receiver = await startReceiver({ failFirst: 2 });
      const made = await subscribe(receiver.url, ['succeeded']);
      receiver.useSecret(made.json.secret);
      await submit('flaky');
      await until(async () => (await deliveries(made.json.webhook.id))[0]?.state === 'delivered');
      const [delivery] = await deliveries(made.json.webhook.id);
      expect(delivery.attempts).toBe(3);
      expect(delivery.log.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([500, 500, 204]);
      const gaps = delivery.log.slice(1).map((attempt: { at: string }, index: number) => {
        return Date.parse(attempt.at) - Date.parse(delivery.log[index].at);
      });
      // Equal jitter: the first retry waits 50-100 ms, the second 100-200 ms (plus the poll).
      expect(gaps[0]).toBeGreaterThanOrEqual(50);
      expect(gaps[1]).toBeGreaterThanOrEqual(100);
      const ids = new Set(receiver.received.map((got) => got.headers['webhook-id']));
      expect(ids.size).toBe(1);
      await receiver.close();
    });
  });

  describe('having a receiver that always fails', () => {
    it('should give up after the bounded attempts and show the delivery failed', async () => {
      const receiver = await startReceiver({ alwaysStatus: 503 });
      const made = await subscribe(receiver.url, ['succeeded']);
      await submit('down');
      await until(async () => (await deliveries(made.json.webhook.id))[0]?.state === 'failed');
      const [delivery] = await deliveries(made.json.webhook.id);
      expect(delivery.attempts).toBe(3);
      expect(receiver.received).toHaveLength(3);
      await receiver.close();
    });
  });

  describe('having a receiver that is not listening', () => {
    it('should log the connection error of each attempt', async () => {
      const receiver = await startReceiver();
      await receiver.close();
      const made = await subscribe(receiver.url, ['queued']);
      await submit('nobody');
      await until(async () => (await deliveries(made.json.webhook.id))[0]?.state === 'failed');
      const [delivery] = await deliveries(made.json.webhook.id);
      expect(delivery.log[0].error).toMatch(/ECONNREFUSED/);
      expect(delivery.log[0].statusCode).toBeUndefined();
    });
  });

  describe('having a private or metadata address as the receiver', () => {
    it.each([
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[fd00::1]/hook',
    ])('should refuse %s with 422', async (target) => {
      const refused = await subscribe(target, ['queued']);
      expect(refused.status).toBe(422);
      expect(refused.json.error).toBe('webhook-target-refused');
    });

    it('should refuse a URL that carries a password', async () => {
      const refused = await subscribe('http://user:pw@127.0.0.1:9/hook', ['queued']);
      expect(refused.status).toBe(422);
    });
  });

  describe("having another tenant's subscription", () => {
    it('should not show, list or delete it', async () => {
      const receiver = await startReceiver();
      const made = await subscribe(receiver.url, ['queued']);
      const id = made.json.webhook.id as string;
      expect((await call('GET', `/v1/webhooks/${id}/deliveries`, 'beta')).status).toBe(404);
      expect((await call('DELETE', `/v1/webhooks/${id}`, 'beta')).status).toBe(404);
      const listed = (await call('GET', '/v1/webhooks', 'beta')).json.items;
      expect(listed).toEqual([]);
      expect((await call('DELETE', `/v1/webhooks/${id}`, 'alpha')).status).toBe(204);
      expect((await call('GET', `/v1/webhooks/${id}/deliveries`, 'alpha')).status).toBe(404);
      await receiver.close();
    });
  });

  describe('having a server closed while a run event is made', () => {
    it('should have the next server send the pending delivery', async () => {
      const receiver = await startReceiver();
      const made = await subscribe(receiver.url, ['queued']);
      receiver.useSecret(made.json.secret);
      await server.close();
      const plan = { targets: [{ provider: 'alibaba-ros', target: 'while-down' }] };
      const checked = valueOrThrow(await runner.check(JSON.stringify(plan), 'json'), 'checking');
      const submitted = await store.submit({ identity: identity('alpha', 'alpha'), plan: checked });
      const runId = valueOrThrow(submitted, 'submitting').run.id;
      expect(receiver.received).toHaveLength(0);
      await start();
      await until(() => receiver.received.length >= 1);
      expect(JSON.parse(receiver.received[0]!.body).data.runId).toBe(runId);
      expect(receiver.received[0]!.verdict).toBeUndefined();
      await receiver.close();
    });
  });
});
