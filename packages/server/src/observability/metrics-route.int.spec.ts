import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresUrl } from '../../../../test/support/postgres-test-schema.js';
import { valueOrThrow } from '../../../../test/support/value-or-throw.js';
import { createServer, type HostServer } from '../create-server.js';
import { scriptedPlanRunner } from '../http/scripted-plan-runner.spec-support.js';
import { PostgresHostStore } from '../store/postgres-host-store.js';

describe('GET /metrics', () => {
  const { schema, drop } = freshSchema('metrics');
  let store: PostgresHostStore;
  const servers: HostServer[] = [];
  const tokens: Record<'admin' | 'tenant', string> = { admin: '', tenant: '' };

  const serve = async (host: string) => {
    const server = valueOrThrow(createServer({ store, runner: scriptedPlanRunner(), host, port: 0 }), 'creating');
    servers.push(server);
    const url = await server.listen();
    return url.replace('0.0.0.0', '127.0.0.1');
  };

  beforeAll(async () => {
    store = valueOrThrow(await PostgresHostStore.open({ connectionString: postgresUrl() }, { schema }), 'opening');
    for (const role of ['admin', 'tenant'] as const) {
      const identity = { name: role, tenant: 't', scopes: ['*'], approver: false, admin: role === 'admin' };
      tokens[role] = valueOrThrow(await store.createToken({ ...identity, requiresApproval: false }), 'token').token;
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await store.close();
    await drop();
  });

  describe('having a server bound to loopback', () => {
    it('should answer without a token in the Prometheus text format', async () => {
      const url = await serve('127.0.0.1');
      await fetch(`${url}/healthz`);
      const answer = await fetch(`${url}/metrics`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await answer.text();
      expect(text).toMatch(
        /changeplane_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} 1/,
      );
      expect(text).toContain('# TYPE changeplane_queue_depth gauge');
      expect(text).toContain('# TYPE changeplane_lock_wait_seconds histogram');
    });
  });

  describe('having a server bound to every address', () => {
    it('should want an admin token', async () => {
      const url = await serve('0.0.0.0');
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const asTenant = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${tokens.tenant}` } });
      expect(asTenant.status).toBe(401);
      const asAdmin = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${tokens.admin}` } });
      expect(asAdmin.status).toBe(200);
    });
  });
});
