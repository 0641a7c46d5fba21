import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Host, plan, startHost } from '../host-harness.spec-support.js';
import { type Frame, readStream } from '../sse-reader.spec-support.js';
import type { HeldLockBody, OverviewBody } from '../status-schemas.js';

const key = 'alibaba-ros:web-1';

describe('the status routes', () => {
  let host: Host;
  let holding: string;
  let alphaWaiting: string;
  let betaWaiting: string;
  const submit = async (token: 'alpha' | 'beta', ...targets: string[]) => {
    const answer = await host.call('POST', '/v1/runs', { token, body: plan(...targets) });
    expect(answer.status).toBe(202);
    return answer.json.id as string;
  };
  const sql = (text: string, values: unknown[] = []) => host.store.database.pool.query(text, values);

  // beta's run holds the key (claimed as a worker would); alpha's and then beta's next run wait for it.
  beforeAll(async () => {
    host = await startHost({ heartbeatMs: 100 });
    holding = await submit('beta', key);
    await sql(`SELECT id FROM ${host.store.database.s}.claim_run('spec-server')`);
    await sql(`UPDATE ${host.store.database.s}.held_locks SET change_set = $1 WHERE run_id = $2`, [
      {
        locks: [key],
        provider: 'alibaba-ros',
        ref: { stackName: 'web-1', changeSetId: 'cs-1', connection: { endpoint: 'http://secret-endpoint' } },
      },
      holding,
    ]);
    betaWaiting = await submit('beta', key);
    alphaWaiting = await submit('alpha', key);
  });
  afterAll(() => host.close());

  describe('GET /v1/locks', () => {
    const locks = async (token: 'alpha' | 'beta' | 'admin') => {
      const answer = await host.call('GET', '/v1/locks', { token });
      expect(answer.status).toBe(200);
      return answer.json.items as HeldLockBody[];
    };

    describe('having a held lock with a run of each tenant waiting', () => {
      it('should show an admin the holder, since when, the change set and the line in claim order', async () => {
        const [lock, ...others] = await locks('admin');
        expect(others).toEqual([]);
        expect(lock).toMatchObject({
          key,
          holder: { runId: holding, tenant: 'beta' },
          changeSet: { provider: 'alibaba-ros', changeSetId: 'cs-1' },
        });
        expect(JSON.stringify(lock)).not.toContain('secret-endpoint');
        expect(Date.parse(lock!.since)).toBeGreaterThan(Date.now() - 60_000);
        // beta was served last (it holds the key), so alpha's first waiting run goes before beta's second.
        expect(lock!.waiting).toEqual([
          { runId: alphaWaiting, tenant: 'alpha' },
          { runId: betaWaiting, tenant: 'beta' },
        ]);
      });

      it("should show a tenant its own runs, and other tenants' runs only as another tenant", async () => {
        const [asBeta] = await locks('beta');
        expect(asBeta!.holder).toEqual({ runId: holding, tenant: 'beta' });
        expect(asBeta!.waiting).toEqual([{ anotherTenant: true }, { runId: betaWaiting, tenant: 'beta' }]);
        const [asAlpha] = await locks('alpha');
        expect(asAlpha).toEqual({
          key,
          since: asBeta!.since,
          holder: { anotherTenant: true },
          waiting: [{ runId: alphaWaiting, tenant: 'alpha' }, { anotherTenant: true }],
        });
        expect(JSON.stringify(asAlpha)).not.toContain(holding);
      });
    });

    describe('having no token', () => {
      it('should answer 401 and no lock', async () => {
        const answer = await host.call('GET', '/v1/locks');
        expect(answer.status).toBe(401);
        expect(answer.text).not.toContain(key);
      });
    });
  });

  describe('GET /v1/overview', () => {
    describe("having a tenant's token", () => {
      it('should show its line with places and what each waits on, its running run, and no other tenant', async () => {
        const answer = await host.call('GET', '/v1/overview', { token: 'beta' });
        expect(answer.status).toBe(200);
        const overview = answer.json as OverviewBody;
        expect(overview.queue.map((run) => [run.id, run.position, run.reason])).toEqual([
          [betaWaiting, 3, `waiting for ${key}`],
        ]);
        expect(overview.running.map((run) => [run.id, run.state])).toEqual([[holding, 'running']]);
        expect(overview.locks).toHaveLength(1);
        expect(JSON.stringify(overview)).not.toContain(alphaWaiting);
      });
    });

    describe("having an admin's token and a finished run", () => {
      it('should list every tenant, the line in place order and the finished run among the recent', async () => {
        const finished = await submit('alpha', 'alibaba-ros:web-done');
        await host.finish(finished, 'succeeded');
        const overview = (await host.call('GET', '/v1/overview', { token: 'admin' })).json as OverviewBody;
        expect(overview.queue.map((run) => run.id)).toEqual([alphaWaiting, betaWaiting]);
        expect(overview.recent.map((run) => [run.id, run.state])).toEqual([[finished, 'succeeded']]);
      });
    });
  });

  describe('GET /v1/stream', () => {
    const overviews = (frames: Frame[]) =>
      frames.filter((frame) => frame.event === 'overview').map((frame) => frame.data as OverviewBody);

    describe('having a client watching while runs are submitted and finish', () => {
      it('should send the overview at once and again on each change, woken by the store, not a timer', async () => {
        const response = await fetch(`${host.url}/v1/stream`, {
          headers: { authorization: `Bearer ${host.tokens.beta}` },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
        let submitted = '';
        const reading = readStream(response, (frames) =>
          overviews(frames).some((overview) => overview.recent.some((run) => run.id === submitted)),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        submitted = await submit('beta', 'alibaba-ros:web-stream');
        await new Promise((resolve) => setTimeout(resolve, 300));
        await host.finish(submitted, 'succeeded');
        const seen = overviews(await reading);
        expect(seen[0]!.queue.map((run) => run.id)).toEqual([betaWaiting]);
        expect(seen.some((overview) => overview.queue.some((run) => run.id === submitted))).toBe(true);
        expect(seen.at(-1)!.recent[0]!.id).toBe(submitted);
        // Heartbeats every 100 ms for ~600 ms, but an overview only when it changed: three here.
        expect(seen).toHaveLength(3);
      });
    });

    describe('having a refused token', () => {
      it('should answer 401 without opening a stream', async () => {
        const answer = await host.call('GET', '/v1/stream', { token: 'not-a-token' });
        expect(answer.status).toBe(401);
      });
    });
  });

  describe('GET /', () => {
    describe('having no token', () => {
      it('should serve the page and its assets with a strict CSP and no data in them', async () => {
        const page = await host.call('GET', '/');
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const csp = page.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("connect-src 'self'");
        expect(page.text).toContain('<script src="/assets/status-page.js" defer></script>');
        expect(page.text).not.toMatch(/https?:\/\//);
        const script = await host.call('GET', '/assets/status-page.js');
        expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
        expect(() => new Function(script.text)).not.toThrow();
        expect(script.text).toContain('startStatusPage();');
        const css = await host.call('GET', '/assets/status-page.css');
        expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
        for (const body of [page.text, script.text, css.text]) expect(body).not.toContain(holding);
      });
    });
  });
});
