import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Host, plan, startHost } from '../../server/src/http/host-harness.spec-support.js';
import { createClient } from './create-client.js';
import type { RunStreamEvent } from './run-view.js';

/**
 * A fetch that cuts the first event stream it opens once the first event has come through, as a proxy or a
 * network blip would, and records the Last-Event-ID of every stream request. Everything else is real HTTP.
 */
function cuttingFetch() {
  const lastEventIds: (string | null)[] = [];
  let cut = false;
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!url.endsWith('/events')) return response;
    lastEventIds.push(new Headers(init?.headers).get('last-event-id'));
    if (cut || !response.body) return response;
    cut = true;
    const reader = response.body.getReader();
    let text = '';
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        text += new TextDecoder().decode(value);
        const end = text.indexOf('\n\n', text.indexOf('id:'));
        if (text.includes('id:') && end >= 0) {
          controller.enqueue(new TextEncoder().encode(text.slice(0, end + 2)));
          await reader.cancel();
          controller.error(new TypeError('terminated'));
          return;
        }
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch: wrapped, lastEventIds };
}

describe('ChangeplaneClient.events', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ heartbeatMs: 100 });
  });
  afterAll(() => host.close());

  describe('having a connection that breaks after the first event', () => {
    describe('when the run goes on and finishes', () => {
      it('should reconnect with Last-Event-ID and yield every event once, in order', async () => {
        const { fetch, lastEventIds } = cuttingFetch();
        const client = createClient({ url: host.url, token: host.tokens.beta, fetch });
        const runId = (await client.submit(plan('alibaba-ros:w')))._unsafeUnwrap().id;
        await host.emit(runId, { type: 'run-started', command: 'apply', targets: [] });
        await host.emit(runId, { type: 'task-status', task: 't', status: 'creating' });
        const seen: RunStreamEvent[] = [];
        const following = (async () => {
          for await (const item of client.events(runId)) seen.push(item._unsafeUnwrap());
        })();
        await new Promise((resolve) => setTimeout(resolve, 400));
        await host.emit(runId, { type: 'task-status', task: 't', status: 'running' });
        await host.emit(runId, { type: 'run-finished', exitCode: 0, reason: 'done', summary: [] });
        await host.finish(runId, 'succeeded');
        await following;
        expect(seen.map((item) => item.event.type)).toEqual([
          'run-started',
          'task-status',
          'task-status',
          'run-finished',
        ]);
        expect(new Set(seen.map((item) => item.id)).size).toBe(4);
        expect(lastEventIds[0]).toBeNull();
        expect(lastEventIds[1]).toBe(String(seen[0]!.id));
      });
    });
  });

  describe('having a run that ended without a run-finished event', () => {
    it('should end after what there is', async () => {
      const client = createClient({ url: host.url, token: host.tokens.beta });
      const runId = (await client.submit(plan('alibaba-ros:q')))._unsafeUnwrap().id;
      await host.emit(runId, { type: 'notice', message: 'cancelled while queued' });
      (await client.cancel(runId))._unsafeUnwrap();
      const final = (await client.wait(runId))._unsafeUnwrap();
      expect(final.state).toBe('cancelled');
    });
  });

  describe('having a lastEventId', () => {
    it('should resume after it', async () => {
      const client = createClient({ url: host.url, token: host.tokens.beta });
      const runId = (await client.submit(plan('alibaba-ros:r')))._unsafeUnwrap().id;
      for (const status of ['creating', 'ready', 'running'])
        await host.emit(runId, { type: 'task-status', task: 't', status });
      await host.emit(runId, { type: 'run-finished', exitCode: 0, reason: 'done', summary: [] });
      await host.finish(runId, 'succeeded');
      const all: number[] = [];
      for await (const item of client.events(runId)) all.push(item._unsafeUnwrap().id);
      const resumed: number[] = [];
      for await (const item of client.events(runId, { lastEventId: all[1]! })) resumed.push(item._unsafeUnwrap().id);
      expect(resumed).toEqual(all.slice(2));
    });
  });

  describe('having an unknown run, or an abort', () => {
    it('should yield one not-found error and stop; an aborted wait answers aborted', async () => {
      const client = createClient({ url: host.url, token: host.tokens.beta });
      const items = [];
      for await (const item of client.events('no-such-run')) items.push(item);
      expect(items.map((item) => item.isErr() && item.error.kind)).toEqual(['not-found']);
      const runId = (await client.submit(plan('alibaba-ros:s')))._unsafeUnwrap().id;
      const waited = await client.wait(runId, { signal: AbortSignal.timeout(300) });
      expect(waited._unsafeUnwrapErr().kind).toBe('aborted');
    });
  });
});

describe('ChangeplaneClient retries', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ requestsPerSecond: 1, burst: 1 });
  });
  afterAll(() => host.close());

  describe('having a token over its rate limit', () => {
    it('should wait out Retry-After on reads, and answer rate-limited without retries', async () => {
      const patient = createClient({ url: host.url, token: host.tokens.beta });
      const accepted = (await patient.submit(plan('alibaba-ros:x')))._unsafeUnwrap();
      const started = Date.now();
      const read = await patient.getRun(accepted.id);
      const waitedMs = Date.now() - started;
      expect(read._unsafeUnwrap().id).toBe(accepted.id);
      expect(waitedMs).toBeGreaterThanOrEqual(900);
      console.info(`getRun after a 429 answered in ${waitedMs} ms`);
      const hasty = createClient({ url: host.url, token: host.tokens.beta, retry: { attempts: 0, maxDelayMs: 0 } });
      const refused = (await hasty.getRun(accepted.id))._unsafeUnwrapErr();
      expect(refused).toMatchObject({ kind: 'rate-limited' });
      expect(refused.kind === 'rate-limited' && refused.retryAfterMs).toBeGreaterThan(0);
    });
  });
});
