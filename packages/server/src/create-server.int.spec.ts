import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresUrl } from '../../../test/support/postgres-test-schema.js';
import { valueOrThrow } from '../../../test/support/value-or-throw.js';
import { createServer } from './create-server.js';
import { type Host, plan, startHost } from './http/host-harness.spec-support.js';
import { scriptedPlanRunner } from './http/scripted-plan-runner.spec-support.js';
import { PostgresHostStore } from './store/postgres-host-store.js';

describe(createServer, () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ bodyBytes: 64 * 1024, requestsPerSecond: 1_000, burst: 1_000 });
  });
  afterAll(() => host.close());

  const submit = (body: string | object, token = 'alpha', headers: Record<string, string> = {}) =>
    host.call('POST', '/v1/runs', { token, body, headers });

  describe('having a plan inside the token scopes', () => {
    it('should answer 202 with the run id, state and position, a Location and a submitted audit row', async () => {
      const answer = await submit(plan('alibaba-ros:web-1'));
      expect(answer.status).toBe(202);
      expect(answer.json).toMatchObject({ id: expect.any(String), state: 'queued', position: expect.any(Number) });
      expect(answer.headers.get('location')).toBe(`/v1/runs/${answer.json.id}`);
      expect((await host.audit()).at(-1)).toMatchObject({
        actor: 'alpha',
        tenant: 'alpha',
        action: 'submitted',
        run: answer.json.id,
      });
    });

    it('should take the same plan as YAML by its content type', async () => {
      const yaml = 'targets:\n  - provider: alibaba-ros\n    target: web-yaml\n';
      for (const type of ['application/yaml', 'text/yaml; charset=utf-8']) {
        const answer = await host.call('POST', '/v1/runs', { token: 'alpha', body: yaml, type });
        expect(answer.status).toBe(202);
      }
    });

    it('should give the same run for the same Idempotency-Key and body, 422 for another body', async () => {
      const key = { 'idempotency-key': 'deploy-42' };
      const first = await submit(plan('alibaba-ros:web-2'), 'alpha', key);
      const again = await submit(plan('alibaba-ros:web-2'), 'alpha', key);
      expect(again.status).toBe(202);
      expect(again.json.id).toBe(first.json.id);
      const other = await submit(plan('alibaba-ros:web-3'), 'alpha', key);
      expect(other.status).toBe(422);
      expect(other.json).toMatchObject({ error: 'idempotency-conflict' });
    });
  });

  describe('having a plan that is not valid', () => {
    it('should answer 400 with the loader issue for duplicate keys and deep nesting, nothing queued', async () => {
      const before = (await host.store.listRuns({ limit: 500 }))._unsafeUnwrap().items.length;
      const duplicate = await submit('{"targets": [], "targets": []}');
      expect(duplicate.status).toBe(400);
      expect(duplicate.json).toMatchObject({ error: 'plan-invalid', issues: [{ rule: 'duplicate_key' }] });
      const deep = await submit(`${'['.repeat(100)}${']'.repeat(100)}`);
      expect(deep.status).toBe(400);
      expect(deep.json).toMatchObject({ issues: [{ rule: 'max_depth' }] });
      const broken = await submit('{"targets": [');
      expect(broken.status).toBe(400);
      expect((await host.store.listRuns({ limit: 500 }))._unsafeUnwrap().items.length).toBe(before);
    });

    it('should answer 422 with the schema issues', async () => {
      const answer = await submit({ targets: 'web' });
      expect(answer.status).toBe(422);
      expect(answer.json).toMatchObject({ error: 'plan-invalid', issues: [{ path: 'targets', rule: 'invalid_type' }] });
    });

    it('should answer 415 for another content type and 413 over the body limit', async () => {
      const text = await host.call('POST', '/v1/runs', { token: 'alpha', body: 'targets', type: 'text/plain' });
      expect(text.status).toBe(415);
      expect(text.json).toMatchObject({ error: 'unsupported-media-type', message: expect.any(String) });
      const none = await host.call('POST', '/v1/runs', { token: 'alpha' });
      expect(none.status).toBe(415);
      const huge = await submit({ targets: [], pad: 'x'.repeat(70 * 1024) });
      expect(huge.status).toBe(413);
      expect(huge.json).toMatchObject({ error: 'body-too-large' });
    });
  });

  describe('having a plan outside the token scopes', () => {
    it('should answer 403 naming every target outside them, queue nothing and audit the refusal', async () => {
      const before = (await host.store.listRuns({ limit: 500 }))._unsafeUnwrap().items.length;
      const answer = await submit(
        plan('alibaba-ros:web-1', 'alibaba-ros:db-1', 'aws-marketplace:SaaSProduct@1.0/dev-x'),
      );
      expect(answer.status).toBe(403);
      expect(answer.json.targets).toEqual([
        { provider: 'alibaba-ros', target: 'db-1' },
        { provider: 'aws-marketplace', target: 'SaaSProduct@1.0/dev-x' },
      ]);
      expect(answer.json.message).toContain('alibaba-ros:db-1, aws-marketplace:SaaSProduct@1.0/dev-x');
      expect((await host.store.listRuns({ limit: 500 }))._unsafeUnwrap().items.length).toBe(before);
      expect((await host.audit()).at(-1)).toMatchObject({ actor: 'alpha', action: 'auth-refused' });
      expect((await submit(plan('alibaba-ros:web-1'), 'none')).status).toBe(403);
    });
  });

  describe('having no token, a wrong one or a revoked one', () => {
    it('should answer 401 on every /v1 route and audit auth-refused with actor unknown, never the token', async () => {
      const made = await host.store.createToken({
        name: 'old',
        tenant: 'alpha',
        scopes: ['*'],
        approver: false,
        admin: false,
        requiresApproval: false,
      });
      const revokedToken = made._unsafeUnwrap().token;
      expect((await host.call('GET', '/v1/runs', { token: revokedToken })).status).toBe(200);
      await host.store.revokeToken('old');
      for (const token of [undefined, 'cp_wrong-token-123', revokedToken]) {
        for (const [method, path] of [
          ['GET', '/v1/runs'],
          ['POST', '/v1/runs'],
          ['GET', '/v1/audit'],
        ]) {
          const answer = await host.call(method!, path!, { token, body: method === 'POST' ? plan('x:y') : undefined });
          expect(answer.status).toBe(401);
          expect(answer.headers.get('www-authenticate')).toBe('Bearer');
          expect(answer.json).toMatchObject({ error: 'unauthorized' });
        }
      }
      const refused = (await host.audit()).filter((row) => row.action === 'auth-refused' && row.actor === 'unknown');
      expect(refused.length).toBeGreaterThanOrEqual(9);
      expect(JSON.stringify(await host.audit())).not.toContain('cp_wrong-token-123');
    });
  });

  describe('having runs of two tenants', () => {
    it('should show a tenant its own runs, 404 for the other tenant, and an admin all of them', async () => {
      const alphaRun = (await submit(plan('alibaba-ros:web-9'))).json.id as string;
      const betaRun = (await submit(plan('alibaba-ros:anything'), 'beta')).json.id as string;
      const own = await host.call('GET', `/v1/runs/${alphaRun}`, { token: 'alpha' });
      expect(own.status).toBe(200);
      expect(own.json).toMatchObject({
        id: alphaRun,
        tenant: 'alpha',
        state: 'queued',
        tasks: [],
        createdAt: expect.any(String),
      });
      expect((await host.call('GET', `/v1/runs/${betaRun}`, { token: 'alpha' })).status).toBe(404);
      expect((await host.call('GET', '/v1/runs/no-such-run', { token: 'alpha' })).status).toBe(404);
      expect((await host.call('GET', `/v1/runs/${betaRun}`, { token: 'admin' })).status).toBe(200);
      const listed = await host.call('GET', '/v1/runs', { token: 'beta' });
      expect((listed.json.items as { tenant: string }[]).every((run) => run.tenant === 'beta')).toBe(true);
      expect((await host.call('GET', '/v1/runs?tenant=alpha', { token: 'beta' })).status).toBe(403);
      const adminView = await host.call('GET', '/v1/runs?tenant=alpha&state=queued', { token: 'admin' });
      expect((adminView.json.items as { tenant: string }[]).every((run) => run.tenant === 'alpha')).toBe(true);
    });

    it('should page with the cursor the last page gave', async () => {
      const first = await host.call('GET', '/v1/runs?limit=2', { token: 'alpha' });
      expect(first.json.items).toHaveLength(2);
      const second = await host.call('GET', `/v1/runs?limit=2&cursor=${first.json.next}`, { token: 'alpha' });
      expect(second.status).toBe(200);
      expect((second.json.items as { id: string }[])[0]?.id).not.toBe((first.json.items as { id: string }[])[0]?.id);
      expect((await host.call('GET', '/v1/runs?state=paused', { token: 'alpha' })).status).toBe(400);
    });
  });

  describe('having a run to cancel', () => {
    it('should cancel it once (200 and an audit row), then answer 409', async () => {
      const id = (await submit(plan('alibaba-ros:web-c'))).json.id as string;
      expect((await host.call('POST', `/v1/runs/${id}/cancel`, { token: 'beta' })).status).toBe(404);
      const cancelled = await host.call('POST', `/v1/runs/${id}/cancel`, { token: 'alpha' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.json.state).toBe('cancelled');
      expect((await host.audit()).at(-1)).toMatchObject({ action: 'cancelled', run: id, actor: 'alpha' });
      expect((await host.call('POST', `/v1/runs/${id}/cancel`, { token: 'alpha' })).status).toBe(409);
    });
  });

  describe('having a run awaiting approval', () => {
    it('should need an approver of its tenant with the digest it shows; a rejection asks for a cancel', async () => {
      const id = (await submit(plan('alibaba-ros:web-a'), 'alphaGated')).json.id as string;
      await host.awaitApproval(id);
      const digest = (
        (await host.call('GET', `/v1/runs/${id}`, { token: 'alpha' })).json.awaitingApproval as { digest: string }
      ).digest;
      const approve = (token: string, body: object) => host.call('POST', `/v1/runs/${id}/approve`, { token, body });
      expect((await approve('alpha', { digest })).status).toBe(403);
      expect((await host.audit()).at(-1)).toMatchObject({ action: 'auth-refused', actor: 'alpha' });
      expect((await approve('beta', { digest })).status).toBe(404);
      expect((await approve('alphaApprover', { digest: 'other' })).status).toBe(409);
      expect((await approve('alphaApprover', {})).status).toBe(400);
      const approved = await approve('alphaApprover', { digest });
      expect(approved.status).toBe(200);
      expect((await host.audit()).at(-1)).toMatchObject({ action: 'approved', actor: 'alphaApprover', run: id });

      const rejectedId = (await submit(plan('alibaba-ros:web-r'), 'alphaGated')).json.id as string;
      await host.awaitApproval(rejectedId);
      const shown = (await host.call('GET', `/v1/runs/${rejectedId}`, { token: 'admin' })).json;
      const rejected = await host.call('POST', `/v1/runs/${rejectedId}/approve`, {
        token: 'admin',
        body: { digest: (shown.awaitingApproval as { digest: string }).digest, approve: false },
      });
      expect(rejected.status).toBe(200);
      // Rejection asks the run's server to cancel it (the run is planned, so a worker holds it).
      expect(rejected.json).toMatchObject({ reason: 'rejected by admin' });
      expect(rejected.json.awaitingApproval).toBeUndefined();
      expect((await host.audit()).at(-1)).toMatchObject({ action: 'rejected', actor: 'admin' });
    });
  });

  describe('having audit rows of two tenants and refused tokens', () => {
    it('should show a tenant its rows only and an admin every row, refusals included', async () => {
      await host.call('GET', '/v1/runs', { token: 'cp_nobody' });
      const own = await host.call('GET', '/v1/audit', { token: 'beta' });
      expect(own.status).toBe(200);
      expect((own.json.items as { tenant?: string }[]).every((row) => row.tenant === 'beta')).toBe(true);
      const all = await host.call('GET', '/v1/audit?limit=500', { token: 'admin' });
      const actions = (all.json.items as { action: string; actor: string }[]).map(
        (row) => `${row.actor}:${row.action}`,
      );
      expect(actions).toContain('unknown:auth-refused');
      expect(actions).toContain('alpha:submitted');
      expect((await host.call('GET', '/v1/audit?tenant=alpha', { token: 'beta' })).status).toBe(403);
      expect((await host.call('GET', '/v1/audit?since=yesterday', { token: 'admin' })).status).toBe(400);
    });
  });

  describe('having unknown routes and the open routes', () => {
    it('should answer 404 JSON for unknown routes and 200 for health, readiness and the document', async () => {
      const unknown = await host.call('GET', '/v2/nothing');
      expect(unknown.status).toBe(404);
      expect(unknown.json).toMatchObject({ error: 'not-found', message: expect.any(String) });
      expect((await host.call('GET', '/healthz')).json).toEqual({ status: 'ok' });
      expect((await host.call('GET', '/readyz')).status).toBe(200);
      expect((await host.call('GET', '/openapi.json')).json.openapi).toBe('3.1.0');
    });
  });
});

describe('createServer with a per-token rate limit', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ requestsPerSecond: 1, burst: 3 });
  });
  afterAll(() => host.close());

  describe('having a token over its burst', () => {
    it('should answer 429 with Retry-After for that token only', async () => {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await host.call('GET', '/v1/runs', { token: 'beta' })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await host.call('GET', '/v1/runs', { token: 'beta' });
      expect(limited.json).toMatchObject({ error: 'too-many-requests' });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await host.call('GET', '/v1/runs', { token: 'alpha' })).status).toBe(200);
      expect((await host.call('GET', '/healthz')).status).toBe(200);
    });
  });
});

describe('createServer with a failing store or runner', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host.close());

  describe('having a runner that throws', () => {
    it('should answer 500 with a generic message that leaks nothing, and keep answering', async () => {
      const check = host.runner.check;
      host.runner.check = async () => {
        throw new Error('internal detail /srv/secret-path');
      };
      const answer = await host.call('POST', '/v1/runs', { token: 'beta', body: {} });
      host.runner.check = check;
      expect(answer.status).toBe(500);
      expect(answer.text).not.toContain('secret-path');
      expect(answer.json).toEqual({ error: 'internal', message: expect.any(String) });
      expect((await host.call('GET', '/healthz')).status).toBe(200);
    });
  });

  describe('having a store that cannot answer', () => {
    it('should answer 503 without the store message, and readyz 503', async () => {
      const store = valueOrThrow(
        await PostgresHostStore.open({ connectionString: postgresUrl() }, { schema: freshSchema('gone').schema }),
        'opening',
      );
      const server = valueOrThrow(createServer({ store, runner: scriptedPlanRunner(), port: 0 }), 'creating');
      const url = await server.listen();
      await store.close();
      const answer = await fetch(`${url}/v1/runs`, { headers: { authorization: 'Bearer cp_any' } });
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ error: 'store-unavailable', message: expect.any(String) });
      expect((await fetch(`${url}/readyz`)).status).toBe(503);
      await server.close();
    });
  });

  describe('having limits that make no sense', () => {
    it('should say which one', () => {
      const made = createServer({ store: host.store, runner: scriptedPlanRunner(), limits: { burst: 0 } });
      expect(made._unsafeUnwrapErr().message).toContain('limits.burst');
      expect(createServer({ store: host.store, runner: scriptedPlanRunner(), port: 70_000 }).isErr()).toBe(true);
    });
  });
});
