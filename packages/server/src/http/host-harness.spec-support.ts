import pg from 'pg';
import { freshSchema, postgresUrl } from '../../../../test/support/postgres-test-schema.js';
import { valueOrThrow } from '../../../../test/support/value-or-throw.js';
import { createServer, type HostServer } from '../create-server.js';
import type { AuditRow, TokenIdentity } from '../host/host-store.js';
import type { RunState } from '../host/run-view.js';
import type { RunnerEvent } from '../plan-runner.js';
import { PostgresHostStore } from '../store/postgres-host-store.js';
import { PostgresWorkers } from '../workers/postgres-workers.js';
import { scriptedPlanRunner } from './scripted-plan-runner.spec-support.js';
import type { ServerLimits } from './server-limits.js';

const identities = {
  alpha: { tenant: 'alpha', scopes: ['alibaba-ros:web-*', 'aws-marketplace:SaaSProduct@1.0/prod-*'] },
  alphaApprover: { tenant: 'alpha', scopes: ['*'], approver: true },
  alphaGated: { tenant: 'alpha', scopes: ['*'], requiresApproval: true },
  beta: { tenant: 'beta', scopes: ['*'] },
  none: { tenant: 'beta', scopes: [] },
  admin: { tenant: 'ops', scopes: ['*'], admin: true },
} satisfies Record<string, Partial<TokenIdentity>>;

export type TokenName = keyof typeof identities;

export interface CallOptions {
  readonly token?: TokenName | string;
  readonly body?: string | object;
  readonly type?: string;
  readonly headers?: Record<string, string>;
}

async function openStore(schema: string) {
  const store = valueOrThrow(await PostgresHostStore.open({ connectionString: postgresUrl() }, { schema }), 'opening');
  const tokens = {} as Record<TokenName, string>;
  for (const [name, partial] of Object.entries(identities)) {
    const identity = { name, approver: false, admin: false, requiresApproval: false, ...partial };
    tokens[name as TokenName] = valueOrThrow(await store.createToken(identity), 'token').token;
  }
  return { store, tokens };
}

/**
 * A bot host on 127.0.0.1 port 0 over the PostgreSQL store in a fresh schema, a token per role, a `call` that
 * speaks real HTTP, and SQL steps that stand in for the workers (events, approval, finishing).
 */
export async function startHost(limits: Partial<ServerLimits> = {}, withWorkers = false) {
  const { schema, drop } = freshSchema('http');
  const { store, tokens } = await openStore(schema);
  const pool = new pg.Pool({ connectionString: postgresUrl(), max: 2 });
  const runner = scriptedPlanRunner();
  const workers = withWorkers ? new PostgresWorkers(store, runner, { pollMs: 200, drainGraceMs: 2_000 }) : undefined;
  const server: HostServer = valueOrThrow(
    createServer({ store, runner, workers, port: 0, limits }),
    'creating the server',
  );
  const url = await server.listen();
  const call = async (method: string, path: string, options: CallOptions = {}) => {
    const token = options.token ? (tokens[options.token as TokenName] ?? options.token) : undefined;
    const body = typeof options.body === 'object' ? JSON.stringify(options.body) : options.body;
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = options.type ?? 'application/json';
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: response.status, headers: response.headers, json, text };
  };
  const notify = (runId: string) => pool.query('SELECT pg_notify($1, $2)', [store.database.channel, runId]);
  return {
    url,
    store,
    runner,
    tokens,
    server,
    call,
    async audit(): Promise<AuditRow[]> {
      return [...valueOrThrow(await store.readAudit({ limit: 1_000 }), 'reading the audit').items];
    },
    /** What a worker does when the run emits an event. */
    async emit(runId: string, event: RunnerEvent): Promise<void> {
      await pool.query(`INSERT INTO "${schema}".run_events (run_id, event) VALUES ($1, $2)`, [runId, event]);
      await notify(runId);
    },
    /** What a worker does once the run is planned and needs an approver. */
    async awaitApproval(runId: string): Promise<void> {
      await pool.query(`UPDATE "${schema}".runs SET approval_digest = digest WHERE id = $1`, [runId]);
    },
    async finish(runId: string, state: RunState): Promise<void> {
      await pool.query(`UPDATE "${schema}".runs SET state = $2, finished_at = now() WHERE id = $1`, [runId, state]);
      await notify(runId);
    },
    async close(): Promise<void> {
      await server.close();
      await store.close();
      await pool.end();
      await drop();
    },
  };
}

export type Host = Awaited<ReturnType<typeof startHost>>;

export const plan = (...targets: string[]) => ({
  targets: targets.map((item) => {
    const [provider, ...rest] = item.split(':');
    return { provider, target: rest.join(':') };
  }),
});
