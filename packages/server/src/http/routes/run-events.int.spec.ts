import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Host, plan, startHost } from '../host-harness.spec-support.js';
import { type Frame, readStream } from '../sse-reader.spec-support.js';

describe('GET /v1/runs/{id}/events', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ heartbeatMs: 100 });
  });
  afterAll(() => host.close());

  const newRun = async () =>
    (await host.call('POST', '/v1/runs', { token: 'beta', body: plan('alibaba-ros:w') })).json.id as string;
  const open = (runId: string, headers: Record<string, string> = {}, token = host.tokens.beta) =>
    fetch(`${host.url}/v1/runs/${runId}/events`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  const events = (frames: Frame[]) => frames.filter((frame) => frame.id !== undefined);

  describe('having events stored and more to come', () => {
    it('should send the stored ones, then the live ones, each with its id and type, and end after run-finished', async () => {
      const runId = await newRun();
      await host.emit(runId, { type: 'run-started', command: 'apply', targets: [] });
      await host.emit(runId, { type: 'task-added', task: 'ros:w', provider: 'alibaba-ros', label: 'w', changes: 1 });
      const response = await open(runId);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const reading = readStream(response);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await host.emit(runId, { type: 'task-status', task: 'ros:w', status: 'running' });
      await host.emit(runId, { type: 'run-finished', exitCode: 0, reason: 'done', summary: [] });
      const frames = await reading;
      const sent = events(frames);
      expect(sent.map((frame) => frame.event)).toEqual(['run-started', 'task-added', 'task-status', 'run-finished']);
      expect(sent[1]?.data).toMatchObject({ type: 'task-added', task: 'ros:w' });
      const ids = sent.map((frame) => Number(frame.id));
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      expect(frames.some((frame) => frame.comment === 'heartbeat')).toBe(true);
    });
  });

  describe('having a client that reconnects with Last-Event-ID', () => {
    it('should resume after that event, from the store', async () => {
      const runId = await newRun();
      for (const status of ['creating', 'ready', 'running'])
        await host.emit(runId, { type: 'task-status', task: 't', status });
      await host.emit(runId, { type: 'run-finished', exitCode: 0, reason: 'done', summary: [] });
      const all = events(await readStream(await open(runId)));
      expect(all).toHaveLength(4);
      const resumed = events(await readStream(await open(runId, { 'last-event-id': all[1]!.id! })));
      expect(resumed.map((frame) => frame.id)).toEqual(all.slice(2).map((frame) => frame.id));
    });
  });

  describe('having a run that ended without a run-finished event', () => {
    it('should send what there is and end', async () => {
      const runId = await newRun();
      await host.emit(runId, { type: 'notice', message: 'cancelled while queued' });
      await host.finish(runId, 'cancelled');
      const sent = events(await readStream(await open(runId)));
      expect(sent.map((frame) => frame.event)).toEqual(['notice']);
    });
  });

  describe('having a request it cannot serve', () => {
    it('should answer 404 for another tenant and 400 for a Last-Event-ID that is not a number', async () => {
      const runId = await newRun();
      expect((await open(runId, {}, host.tokens.alpha)).status).toBe(404);
      const bad = await open(runId, { 'last-event-id': 'abc' });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'bad-request' });
    });
  });

  describe('having a stream open when the server closes', () => {
    it('should end it so close does not wait for the run', async () => {
      const other = await startHost();
      const runId = (await other.call('POST', '/v1/runs', { token: 'beta', body: plan('x:y') })).json.id as string;
      const response = await fetch(`${other.url}/v1/runs/${runId}/events`, {
        headers: { authorization: `Bearer ${other.tokens.beta}` },
      });
      const reading = readStream(response);
      const started = performance.now();
      await other.close();
      expect(await reading).toEqual([{ comment: 'events of the run' }]);
      expect(performance.now() - started).toBeLessThan(5_000);
    });
  });
});
