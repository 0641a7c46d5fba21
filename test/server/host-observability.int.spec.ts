import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { builtinDescriptors, createCliPlanRunner } from '@changeplane/cli';
import { PostgresEntityLockStore, PostgresRunJournal } from '@changeplane/postgres';
import {
  createServer,
  type HostServer,
  HostTelemetry,
  type PlanRunner,
  PostgresHostStore,
  PostgresWorkers,
  verifyWebhook,
} from '@changeplane/server';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../packages/server/src/webhooks/webhook-receiver.spec-support.js';
import { freshSchema, postgresUrl } from '../support/postgres-test-schema.js';
import { valueOrThrow } from '../support/value-or-throw.js';
import { startHostEmulators } from './host-emulators.js';

const demoPlan = () => readFile(new URL('../../examples/plans/demo.yaml', import.meta.url), 'utf8');

const until = async (what: () => Promise<boolean> | boolean, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** The value of one sample of a metric in the Prometheus text, or undefined. */
const sample = (text: string, name: string, labels = '') => {
  const line = text.split('\n').find((row) => row.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').pop());
};

// One real run of the demo plan (both emulators, the CLI's runner) through the server: its span tree, its
// metrics, its webhook, and every log line it made checked for secrets.
describe('the bot host observed (metrics, traces, logs)', () => {
  const { schema, drop } = freshSchema('observed');
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  let emulators: Awaited<ReturnType<typeof startHostEmulators>>;
  let journal: PostgresRunJournal;
  let lockStore: PostgresEntityLockStore;
  let runner: PlanRunner;
  let store: PostgresHostStore;
  let server: HostServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let url: string;
  let token: string;
  let secret: string;
  let runId: string;

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
    store = valueOrThrow(await PostgresHostStore.open({ connectionString: postgresUrl() }, { schema }), 'opening');
    const identity = { name: 'ci', tenant: 'platform', scopes: ['*'], approver: false, admin: false };
    token = valueOrThrow(await store.createToken({ ...identity, requiresApproval: false }), 'token').token;
    const telemetry = new HostTelemetry({ db: store.database, tracerProvider });
    const observed = telemetry.observe(runner);
    const workers = new PostgresWorkers(store, observed, { pollMs: 200, drainGraceMs: 5_000 });
    const logger = { level: 'info', stream: logStream };
    const options = { store, runner: observed, workers, telemetry, port: 0, logger };
    server = valueOrThrow(createServer({ ...options, webhooks: { pollMs: 200 } }), 'creating the server');
    url = await server.listen();
    receiver = await startReceiver();
    const hook = await call('POST', '/v1/webhooks', {
      url: receiver.url,
      events: ['queued', 'started', 'succeeded', 'failed'],
    });
    secret = hook.secret;
    receiver.useSecret(secret);
    const submitted = await fetch(`${url}/v1/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' },
      body: await demoPlan(),
    });
    runId = ((await submitted.json()) as { id: string }).id;
    await until(async () => ['succeeded', 'failed'].includes((await call('GET', `/v1/runs/${runId}`)).state));
    await until(() => receiver.received.length >= 3, 15_000);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await receiver?.close();
    await store?.close();
    await runner?.close();
    await journal?.close();
    await lockStore?.close();
    await emulators?.close();
    await tracerProvider.shutdown();
    await drop();
  });

  async function call(
    method: string,
    path: string,
    body?: object,
  ): Promise<{ readonly secret: string; readonly state: string }> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return (await response.json()) as { readonly secret: string; readonly state: string };
  }

  describe('having run the demo plan to its end', () => {
    it('should have succeeded and sent verified webhooks', async () => {
      expect((await call('GET', `/v1/runs/${runId}`)).state).toBe('succeeded');
      const types = receiver.received.map((got) => JSON.parse(got.body).type);
      expect(types).toEqual(['run.queued', 'run.started', 'run.succeeded']);
      expect(receiver.received.every((got) => got.verdict === undefined)).toBe(true);
      expect(
        verifyWebhook(secret, receiver.received[0]!.headers as Record<string, string>, receiver.received[0]!.body),
      ).toBeUndefined();
    });

    it('should trace the run: a lock wait, a span per change set, and provider calls under them', () => {
      const spans = exporter.getFinishedSpans();
      const run = spans.find((span) => span.name === 'changeplane.run');
      expect(run?.attributes['changeplane.run_id']).toBe(runId);
      const childrenOf = (id: string) => spans.filter((span) => span.parentSpanContext?.spanId === id);
      const children = childrenOf(run!.spanContext().spanId);
      expect(children.map((span) => span.name)).toContain('changeplane.lock_wait');
      const changeSets = children.filter((span) => span.name === 'changeplane.change_set');
      expect(changeSets.length).toBeGreaterThanOrEqual(3);
      const calls = changeSets.flatMap((span) => childrenOf(span.spanContext().spanId)).map((span) => span.name);
      expect(calls).toEqual(
        expect.arrayContaining(['changeplane.provider.create-change-set', 'changeplane.provider.start-change-set']),
      );
      expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([run!.spanContext().traceId]));
      console.log(
        `span tree of one demo run: ${spans.length} spans, ${changeSets.length} change sets, ${calls.length} provider calls`,
      );
    });

    it('should show the run in /metrics', async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      expect(sample(text, 'changeplane_runs', 'state="succeeded"')).toBe(1);
      expect(sample(text, 'changeplane_lock_wait_seconds_count')).toBe(1);
      const creates = sample(
        text,
        'changeplane_provider_calls_total',
        'provider="alibaba-ros",operation="create-change-set"',
      );
      expect(creates).toBeGreaterThanOrEqual(2);
      expect(
        sample(text, 'changeplane_change_set_duration_seconds_count', 'provider="alibaba-ros",status="succeeded"'),
      ).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(
        /changeplane_http_request_duration_seconds_count\{method="POST",route="\/v1\/runs",status_code="202"\} 1/,
      );
    });

    it('should log one JSON line per run event with its run id, tenant and trace id', () => {
      const parsed = lines.map((line) => JSON.parse(line));
      const events = parsed.filter((line) => line.msg === 'run event');
      const traceId = exporter
        .getFinishedSpans()
        .find((span) => span.name === 'changeplane.run')!
        .spanContext().traceId;
      expect(events.length).toBeGreaterThanOrEqual(5);
      for (const line of events) expect(line).toMatchObject({ runId, tenant: 'platform', traceId });
      expect(parsed.some((line) => /^Server listening at http:\/\/127\.0\.0\.1:\d+$/.test(line.msg))).toBe(true);
      expect(parsed.filter((line) => line.msg === 'webhook attempt').length).toBeGreaterThanOrEqual(3);
    });

    it('should never log the token, the webhook secret or the emulator credentials', () => {
      const credentials = Object.entries(emulators.environment)
        .filter(
          ([name, value]) => /SECRET|KEY|TOKEN|PASSWORD/i.test(name) && typeof value === 'string' && value.length >= 8,
        )
        .map(([, value]) => value as string);
      expect(credentials.length).toBeGreaterThan(0);
      const secrets = [token, secret, secret.slice('whsec_'.length), ...credentials];
      const leaks = lines.filter((line) => secrets.some((value) => line.includes(value)));
      console.log(`log lines checked: ${lines.length}, secrets looked for: ${secrets.length}, leaks: ${leaks.length}`);
      expect(leaks).toEqual([]);
    });
  });
});
