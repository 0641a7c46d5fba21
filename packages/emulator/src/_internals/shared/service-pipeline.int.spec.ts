import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServiceEmulator } from '../../shared/running-service-emulator.js';
import type { EmulatedService } from './emulated-service.js';
import { startServicePipeline } from './service-pipeline.js';

/** A service of two operations: `/count` adds to a counter, `/read` reads it; the caller is the `x-key` header. */
class FakeError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface FakeRequest {
  readonly path: string;
  readonly key: string;
}

function fakeService(
  state: { value: number },
  order: string[],
  routeBeforeSignature: boolean,
): EmulatedService<FakeRequest, string, { readonly state: { value: number } }, { value: number }> {
  const routes = {
    '/count': { operation: 'Count', handle: ({ state }: { state: { value: number } }) => ({ value: ++state.value }) },
    '/read': { operation: 'Read', handle: ({ state }: { state: { value: number } }) => ({ value: state.value }) },
  } as const;
  return {
    newRequestId: () => 'request-1',
    read: ({ target, headers }) => ({ path: target.split('?')[0] ?? '/', key: String(headers['x-key'] ?? '') }),
    routeBeforeSignature,
    route: ({ path }) => {
      order.push('route');
      const route = routes[path as keyof typeof routes];
      if (!route) throw new FakeError(404, `no route ${path}`);
      return route;
    },
    authenticate: ({ key }) => {
      order.push('signature');
      if (key !== 'good') throw new FakeError(403, 'bad key');
      return key;
    },
    rateLimit: (operation, caller) => (operation === 'Read' ? { key: caller, perSecond: 1 } : undefined),
    context: () => ({ state }),
    errors: {
      rateExceeded: (operation, limit, retryAfterMs) =>
        new FakeError(429, `${operation} over ${limit.perSecond}/s, again in ${retryAfterMs > 0 ? 'some' : 'no'} ms`),
      injectedThrottle: () => new FakeError(429, 'injected throttle'),
      injectedServerError: (status, after) => new FakeError(status, after ? 'after' : 'before'),
    },
    failure: (error, requestId) => ({
      status: error instanceof FakeError ? error.status : 500,
      headers: { 'x-request-id': requestId },
      body: { error: error instanceof Error ? error.message : String(error) },
    }),
    success: (answer, requestId) => ({ status: 200, headers: { 'x-request-id': requestId }, body: answer }),
  };
}

describe('startServicePipeline', () => {
  let emulator: RunningServiceEmulator | undefined;
  const state = { value: 0 };
  let order: string[] = [];
  let closed = 0;
  const start = async (routeBeforeSignature = true) => {
    state.value = 0;
    order = [];
    emulator = await startServicePipeline(fakeService(state, order, routeBeforeSignature), {
      onClose: () => {
        closed += 1;
      },
    });
    return emulator;
  };
  const call = async (path: string, key = 'good') => {
    const response = await fetch(`${emulator!.endpoint}${path}`, { headers: { 'x-key': key } });
    return {
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      body: (await response.json()) as Record<string, unknown>,
    };
  };

  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('should listen on 127.0.0.1 with a URL endpoint, answer through the service encoder, and run onClose on close', async () => {
    const running = await start();
    expect(running.endpoint).toBe(`http://127.0.0.1:${running.port}`);
    expect(running.host).toBe('127.0.0.1');
    expect(await call('/count')).toEqual({ status: 200, requestId: 'request-1', body: { value: 1 } });
    const before = closed;
    await running.close();
    emulator = undefined;
    expect(closed).toBe(before + 1);
  });

  it('should route before the signature or after it, as the service says, and count only what passed both', async () => {
    await start(true);
    expect(await call('/nowhere', 'bad')).toMatchObject({ status: 404, body: { error: 'no route /nowhere' } });
    expect(await call('/count', 'bad')).toMatchObject({ status: 403 });
    expect(order).toEqual(['route', 'route', 'signature']);
    expect(emulator!.requestCount()).toBe(0);
    await emulator!.close();

    await start(false);
    expect(await call('/nowhere', 'bad')).toMatchObject({ status: 403, body: { error: 'bad key' } });
    expect(await call('/count')).toMatchObject({ status: 200 });
    expect(order).toEqual(['signature', 'signature', 'route']);
    expect(emulator!.requestCount('Count')).toBe(1);
  });

  it('should fail before the handler for a before-fault, and after it (the change made) for an after-fault', async () => {
    const running = await start();
    running.faults.add({ kind: 'server-error', status: 503, operation: 'Count', count: 1 });
    expect(await call('/count')).toMatchObject({ status: 503, body: { error: 'before' } });
    expect(state.value).toBe(0);
    running.faults.add({ kind: 'server-error', operation: 'Count', count: 1, after: true });
    expect(await call('/count')).toMatchObject({ status: 500, body: { error: 'after' } });
    expect(state.value).toBe(1);
    running.faults.add({ kind: 'throttle', operation: 'Count', count: 1 });
    expect(await call('/count')).toMatchObject({ status: 429, body: { error: 'injected throttle' } });
    running.faults.add({ kind: 'drop', operation: 'Count', count: 1, after: true, delayMs: 20 });
    await expect(call('/count')).rejects.toThrow();
    expect(state.value).toBe(2);
    running.faults.add({ kind: 'drop', operation: 'Count', count: 1 });
    await expect(call('/count')).rejects.toThrow();
    expect(state.value).toBe(2);
    expect(running.requestCount('Count')).toBe(5);
  });

  it('should throttle past the service rate with its error, and leave unlimited operations alone', async () => {
    await start();
    const statuses = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await call('/read')).status);
    expect(statuses[0]).toBe(200);
    expect(statuses).toContain(429);
    for (let index = 0; index < 4; index += 1) expect((await call('/count')).status).toBe(200);
  });

  it('should answer what a handler throws through the service error encoder', async () => {
    const broken = await startServicePipeline(
      {
        ...fakeService(state, order, true),
        context: () => {
          throw new TypeError('cannot decode');
        },
      },
      {},
    );
    try {
      const response = await fetch(`${broken.endpoint}/count`, { headers: { 'x-key': 'good' } });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'cannot decode' });
    } finally {
      await broken.close();
    }
  });
});
