import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Host, plan, startHost } from './http/host-harness.spec-support.js';
import { readStream } from './http/sse-reader.spec-support.js';

const until = async (what: () => Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

describe('createServer, having the PostgreSQL workers', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ requestsPerSecond: 10_000, burst: 10_000 }, true);
  });
  afterAll(() => host.close());

  /** Waits for a run's state; a timeout shows the run as it stands. */
  const untilState = async (id: string, state: string, token: string) => {
    const view = async () => (await host.call('GET', `/v1/runs/${id}`, { token })).json;
    await until(async () => (await view()).state === state).catch(async () => {
      throw new Error(`run ${id} is not ${state}: ${JSON.stringify(await view())}`);
    });
  };
  const events = (runId: string) =>
    fetch(`${host.url}/v1/runs/${runId}/events`, { headers: { authorization: `Bearer ${host.tokens.beta}` } });

  describe('having a plan submitted over HTTP', () => {
    it('should run it and stream its events to run-finished, then show it succeeded', async () => {
      const id = (await host.call('POST', '/v1/runs', { token: 'beta', body: plan('alibaba-ros:a', 'alibaba-ros:b') }))
        .json.id as string;
      const frames = (await readStream(await events(id))).filter((frame) => frame.event);
      expect(frames.map((frame) => frame.event)).toEqual([
        'run-started',
        'task-added',
        'task-added',
        'task-status',
        'task-status',
        'run-finished',
      ]);
      await untilState(id, 'succeeded', 'beta');
      const run = (await host.call('GET', `/v1/runs/${id}`, { token: 'beta' })).json;
      expect(run).toMatchObject({
        state: 'succeeded',
        exitCode: 0,
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
      });
      expect(host.runner.runs).toContain(id);
    });
  });

  describe('having a token whose runs need approval', () => {
    it('should plan the run, wait for the approver with the digest it shows, then finish it', async () => {
      const id = (await host.call('POST', '/v1/runs', { token: 'alphaGated', body: plan('alibaba-ros:gated') })).json
        .id as string;
      const shown = async () => (await host.call('GET', `/v1/runs/${id}`, { token: 'alpha' })).json;
      await until(async () => (await shown()).awaitingApproval !== undefined);
      const digest = ((await shown()).awaitingApproval as { digest: string }).digest;
      const approved = await host.call('POST', `/v1/runs/${id}/approve`, { token: 'alphaApprover', body: { digest } });
      expect(approved.status).toBe(200);
      await untilState(id, 'succeeded', 'alpha');
      const audit = (await host.audit()).filter((row) => row.run === id).map((row) => row.action);
      expect(audit).toEqual(expect.arrayContaining(['submitted', 'approved']));
    });
  });

  describe('having 200 submissions in a row while the workers run them', () => {
    it('should answer POST /v1/runs quickly (p50 and p99 printed)', { timeout: 120_000 }, async () => {
      const latencies: number[] = [];
      for (let i = 0; i < 200; i += 1) {
        const started = performance.now();
        const answer = await host.call('POST', '/v1/runs', { token: 'beta', body: plan(`alibaba-ros:load-${i % 20}`) });
        latencies.push(performance.now() - started);
        expect(answer.status).toBe(202);
      }
      const p50 = percentile(latencies, 50);
      const p99 = percentile(latencies, 99);
      console.log(`POST /v1/runs over 200 submissions: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
      expect(p99).toBeLessThan(1_000);
    });
  });

  describe('having workers and a server to close', () => {
    it('should drain the workers and close', async () => {
      const other = await startHost({}, true);
      await other.call('POST', '/v1/runs', { token: 'beta', body: plan('alibaba-ros:last') });
      const started = performance.now();
      await other.close();
      expect(performance.now() - started).toBeLessThan(10_000);
      await expect(fetch(`${other.url}/healthz`)).rejects.toThrow();
    });
  });
});
