import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTracingFromEnv, tracingRequested } from './start-tracing.js';

describe('tracingRequested', () => {
  describe('when called', () => {
    it.each([
      [{}, false],
      [{ OTEL_SERVICE_NAME: 'x' }, false],
      [{ OTEL_TRACES_EXPORTER: 'otlp' }, true],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, true],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' }, false],
      [{ OTEL_TRACES_EXPORTER: 'none' }, false],
    ])('should say %j is %s', (env, requested) => {
      expect(tracingRequested(env)).toBe(requested);
    });
  });
});

describe('startTracingFromEnv', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  describe('having an exporter it does not know', () => {
    it('should say so', () => {
      expect(startTracingFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin' })._unsafeUnwrapErr()).toMatch(/zipkin/);
    });
  });

  describe('having OTEL_EXPORTER_OTLP_ENDPOINT on a real OTLP/HTTP receiver', () => {
    it('should send the spans there with the service name', async () => {
      const posts: { path: string; body: string }[] = [];
      const receiver = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          posts.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('latin1') });
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const { port } = receiver.address() as AddressInfo;
      // The exporter and the resource read the process's environment, as they do under `changeplane serve`.
      vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', `http://127.0.0.1:${port}`);
      vi.stubEnv('OTEL_SERVICE_NAME', 'changeplane-spec');
      const started = startTracingFromEnv()._unsafeUnwrap();
      expect(started?.exporter).toBe('otlp');
      trace.getTracer('spec').startSpan('changeplane.spec').end();
      await started?.shutdown();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      expect(posts.map((post) => post.path)).toEqual(['/v1/traces']);
      expect(posts[0]!.body).toContain('changeplane-spec');
      expect(posts[0]!.body).toContain('changeplane.spec');
    });
  });
});
