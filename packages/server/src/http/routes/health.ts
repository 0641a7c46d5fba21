import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { healthSchema } from '../api-schemas.js';
import type { HostDeps } from '../host-deps.js';

/** GET /healthz (the process answers) and GET /readyz (the store answers and is migrated). No token needed. */
export const healthRoutes: FastifyPluginAsyncZod<HostDeps> = async (app, { store }) => {
  app.get(
    '/healthz',
    { schema: { summary: 'The server answers', security: [], response: { 200: healthSchema } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        summary: 'The store answers and its migrations are done',
        security: [],
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const ready = await store.ready().catch(() => false);
      return ready ? { status: 'ready' } : reply.code(503).send({ status: 'store not ready' });
    },
  );
  app.get(
    '/openapi.json',
    {
      schema: {
        summary: 'This document (OpenAPI 3.1)',
        security: [],
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );
};
