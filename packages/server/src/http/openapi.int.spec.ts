import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Host, startHost } from './host-harness.spec-support.js';

describe('GET /openapi.json', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host.close());

  describe('having the routes registered', () => {
    it('should be a valid OpenAPI 3.1 document naming every route of the issue', async () => {
      const answer = await host.call('GET', '/openapi.json');
      expect(answer.status).toBe(200);
      const document = answer.json as { openapi: string; paths: Record<string, Record<string, unknown>> };
      expect(document.openapi).toBe('3.1.0');
      const result = await validate(structuredClone(document) as never);
      expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
      const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(routes.sort()).toEqual(
        [
          'POST /v1/runs',
          'GET /v1/runs',
          'GET /v1/runs/{id}',
          'GET /v1/runs/{id}/events',
          'POST /v1/runs/{id}/cancel',
          'POST /v1/runs/{id}/approve',
          'GET /v1/audit',
          'GET /v1/locks',
          'GET /v1/overview',
          'GET /v1/stream',
          'POST /v1/webhooks',
          'GET /v1/webhooks',
          'DELETE /v1/webhooks/{id}',
          'GET /v1/webhooks/{id}/deliveries',
          'GET /healthz',
          'GET /readyz',
          'GET /openapi.json',
        ].sort(),
      );
    });

    it('should show the plan media types, the bearer scheme and the error body', async () => {
      const document = (await host.call('GET', '/openapi.json')).json as {
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; security?: [] }>>;
        components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
      };
      expect(Object.keys(document.paths['/v1/runs']!.post!.requestBody!.content)).toEqual(
        expect.arrayContaining(['application/json', 'application/yaml', 'text/yaml']),
      );
      expect(document.paths['/healthz']!.get!.security).toEqual([]);
      expect(document.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(document.components.schemas)).toEqual(
        expect.arrayContaining(['Error', 'Run', 'AuditRow', 'HeldLock', 'Overview']),
      );
    });
  });
});
