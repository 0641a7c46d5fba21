import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { identityOf, seesTenant } from '../../auth/request-identity.js';
import { notFound, sendError, storeUnavailable } from '../api-error.js';
import { errorBodySchema, eventsHeadersSchema, runIdParamsSchema } from '../api-schemas.js';
import type { HostDeps } from '../host-deps.js';
import { RunEventStream } from '../run-event-stream.js';

/** The streams open now, so the server can end them when it closes. */
export type OpenStreams = Set<RunEventStream>;

/** GET /v1/runs/{id}/events: the run's events as Server-Sent Events, resumable with Last-Event-ID. */
export const runEventsRoute: FastifyPluginAsyncZod<HostDeps & { streams: OpenStreams }> = async (app, deps) => {
  app.get(
    '/runs/:id/events',
    {
      // A HEAD would open a stream whose body nobody reads.
      exposeHeadRoute: false,
      schema: {
        summary: 'The run’s events (docs/cli-events.md) as text/event-stream; ends after `run-finished`',
        params: runIdParamsSchema,
        headers: eventsHeadersSchema,
        produces: ['text/event-stream'],
        response: {
          200: z
            .string()
            .meta({ description: 'Events: `id:` (resume with Last-Event-ID), `event:` type, JSON `data:`' }),
          '4xx': errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const found = await deps.store.getRun(request.params.id);
      if (found.isErr()) return storeUnavailable(reply, found.error);
      const run = found.value;
      if (!run || !seesTenant(identityOf(request), run.tenant)) return sendError(reply, notFound('the run'));
      reply.hijack();
      const stream: RunEventStream = new RunEventStream(reply.raw, {
        store: deps.store,
        runId: run.id,
        afterId: Number(request.headers['last-event-id'] ?? 0),
        heartbeatMs: deps.limits.heartbeatMs,
        log: request.log,
        onEnd: () => deps.streams.delete(stream),
      });
      deps.streams.add(stream);
      await stream.start();
      return reply;
    },
  );
};
