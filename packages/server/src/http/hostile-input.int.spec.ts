import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Host, plan, startHost } from './host-harness.spec-support.js';

interface HostileRequest {
  readonly method: string;
  readonly path: string;
  readonly token: string;
  readonly type?: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const printable = fc.string({
  unit: fc.constantFrom(...'abc-_.~/%?&=#:;@!$*+,\'"()[]{}<>\\ é中'.split('')),
  maxLength: 40,
});
const headerSafe = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.~+/= ;,:'.split('')), maxLength: 60 });

const deep = (depth: number, open: string, close: string) => `${open.repeat(depth)}${close.repeat(depth)}`;
const bodies = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constantFrom(
    JSON.stringify(plan('alibaba-ros:web-1')),
    JSON.stringify(plan('alibaba-ros:db-1', 'aws-marketplace:SaaSProduct@1.0/dev-x')),
    '{"targets": [], "targets": [1]}',
    '{"__proto__": {"admin": true}, "targets": []}',
    '{"constructor": {"prototype": {"x": 1}}}',
    deep(5_000, '[', ']'),
    deep(100_000, '{"a":', '}').replace(/}+$/, (tail) => tail),
    'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    'targets: !!js/function "return 1"',
    `{"pad": "${'x'.repeat(1024 * 1024 + 10)}"}`,
    'x'.repeat(200_000),
    '\u0000\u0001\u0002',
    '',
  ),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  printable,
);

function requests(runId: string) {
  const paths = fc.oneof(
    fc.constantFrom(
      '/v1/runs',
      `/v1/runs/${runId}`,
      `/v1/runs/${runId}/events`,
      `/v1/runs/${runId}/cancel`,
      `/v1/runs/${runId}/approve`,
      '/v1/audit',
      '/healthz',
      '/readyz',
      '/openapi.json',
      '/v1/runs/../../etc/passwd',
      `/v1/runs/${'x'.repeat(5_000)}`,
      '/v1/runs?state=queued&state=failed',
      '/v1/runs?limit=-1',
      '/v1/runs?limit=99999999999999999999',
      '/v1/audit?since=2020-01-01T00:00:00Z&cursor=%00',
      '/v1/audit?run=not-a-uuid&tenant=',
      '/%E0%A4%A',
    ),
    printable.map((text) => `/v1/runs/${encodeURIComponent(text)}`),
    fc
      .tuple(fc.constantFrom('/v1/runs', '/v1/audit'), printable, printable)
      .map(([path, key, value]) => `${path}?${encodeURIComponent(key)}=${encodeURIComponent(value)}`),
    printable.map((text) => `/${encodeURI(text)}`),
  );
  const anything = fc.record({
    method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
    path: paths,
    token: fc.constantFrom('alpha', 'beta', 'none', 'admin', 'alphaApprover', 'garbage', 'absent', 'long', 'basic'),
    type: fc.option(
      fc.constantFrom(
        'application/json',
        'application/yaml',
        'text/yaml',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16',
        'application/octet-stream',
        'nonsense',
      ),
      { nil: undefined },
    ),
    headers: fc.dictionary(
      fc.constantFrom('idempotency-key', 'last-event-id', 'content-length', 'x-forwarded-for'),
      headerSafe,
      {
        maxKeys: 2,
      },
    ),
    body: fc.option(bodies, { nil: undefined }),
  });
  // Most requests are submissions with real tokens, so hostile plans reach the runner and the scope check.
  const submissions = fc.record({
    method: fc.constant('POST'),
    path: fc.constantFrom('/v1/runs', `/v1/runs/${runId}/approve`),
    token: fc.constantFrom('alpha', 'beta', 'none', 'admin', 'garbage'),
    type: fc.constantFrom('application/json', 'application/json', 'application/yaml', 'text/yaml', 'text/plain'),
    headers: fc.dictionary(fc.constant('idempotency-key'), headerSafe, { maxKeys: 1 }),
    body: bodies,
  });
  return fc.oneof(
    { arbitrary: submissions, weight: 3 },
    { arbitrary: anything, weight: 2 },
  ) as fc.Arbitrary<HostileRequest>;
}

function authorization(host: Host, token: string): string | undefined {
  if (token === 'absent') return undefined;
  if (token === 'garbage') return 'Bearer cp_not-a-real-token';
  if (token === 'long') return `Bearer ${'a'.repeat(10_000)}`;
  if (token === 'basic') return 'Basic dXNlcjpwYXNz';
  return `Bearer ${host.tokens[token as keyof Host['tokens']]}`;
}

/** Sends one request; its status, or the client-side refusal (fetch will not send some requests at all). */
async function send(host: Host, request: HostileRequest): Promise<number | string> {
  const headers: Record<string, string> = { ...request.headers };
  delete headers['content-length'];
  const auth = authorization(host, request.token);
  if (auth) headers.authorization = auth;
  if (request.type) headers['content-type'] = request.type;
  const withBody = request.body !== undefined && !['GET', 'HEAD'].includes(request.method);
  try {
    const response = await fetch(`${host.url}${request.path}`, {
      method: request.method,
      headers,
      body: withBody ? request.body : undefined,
      signal: AbortSignal.timeout(10_000),
    });
    // An event stream of a live run stays open: its status is all this spec needs.
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    return `client:${(error as Error).name}:${(error as { cause?: { code?: string } }).cause?.code ?? ''}`;
  }
}

describe('the HTTP API under hostile input', () => {
  let host: Host;
  beforeAll(async () => {
    // A rate high enough that requests reach the routes; the limiter has its own spec.
    host = await startHost({ requestsPerSecond: 100_000, burst: 100_000 });
  });
  afterAll(() => host.close());

  describe('having 1,000 fuzzed requests', () => {
    it('should answer none with a 5xx and still answer /healthz', { timeout: 240_000 }, async () => {
      const runId = (await host.call('POST', '/v1/runs', { token: 'beta', body: plan('x:y') })).json.id as string;
      const samples = fc.sample(requests(runId), { numRuns: 1_000, seed: 19 });
      const outcomes: (number | string)[] = [];
      const started = performance.now();
      for (let at = 0; at < samples.length; at += 8) {
        outcomes.push(...(await Promise.all(samples.slice(at, at + 8).map((request) => send(host, request)))));
      }
      const seconds = (performance.now() - started) / 1000;
      const tally = new Map<number | string, number>();
      for (const outcome of outcomes) tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
      console.log(`1,000 hostile requests in ${seconds.toFixed(1)} s:`, Object.fromEntries(tally));
      const failures = samples.filter(
        (_, index) => typeof outcomes[index] === 'number' && (outcomes[index] as number) >= 500,
      );
      expect(failures.map((request) => ({ ...request, body: request.body?.slice(0, 80) }))).toEqual([]);
      expect(outcomes.filter((outcome) => typeof outcome === 'string').length).toBeLessThan(20);
      expect((await host.call('GET', '/healthz')).status).toBe(200);
      expect((await host.call('GET', '/v1/runs', { token: 'beta' })).status).toBe(200);
    });
  });
});
