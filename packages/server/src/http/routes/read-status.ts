import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { identityOf } from '../../auth/request-identity.js';
import type { HostDatabase } from '../../store/host-database.js';
import { apiError, sendError, storeUnavailable } from '../api-error.js';
import { errorBodySchema } from '../api-schemas.js';
import type { HostDeps } from '../host-deps.js';
import { locksSeenBy, overviewSeenBy } from '../host-status.js';
import { OverviewStream } from '../overview-stream.js';
import { lockListSchema, overviewSchema } from '../status-schemas.js';

/** What the status routes are given: the routes' deps, the database (when PostgreSQL) and the open streams. */
export interface StatusDeps extends HostDeps {
  readonly database: HostDatabase | undefined;
  readonly overviewStreams: Set<OverviewStream>;
}

/**
 * GET /v1/locks, /v1/overview and /v1/stream: what the status page shows. A tenant's token sees its tenant's runs
 * and every held lock, other tenants' holders and waiters only as "another tenant"; an admin's token sees all.
 */
export const readStatusRoutes: FastifyPluginAsyncZod<StatusDeps> = async (app, deps) => {
  app.get(
    '/locks',
    {
      schema: {
        summary: 'Every held lock: its key, holding run, since when, recorded change set, and the runs waiting for it',
        response: { 200: lockListSchema, '4xx': errorBodySchema, '5xx': errorBodySchema },
      },
    },
    async (request, reply) => {
      const locks = await locksSeenBy(deps.database, identityOf(request));
      if (locks.isErr()) return storeUnavailable(reply, locks.error);
      return { items: locks.value };
    },
  );

  app.get(
    '/overview',
    {
      schema: {
        summary: 'The line, the running runs, the latest finished runs and the held locks (the status page)',
        response: { 200: overviewSchema, '4xx': errorBodySchema, '5xx': errorBodySchema },
      },
    },
    async (request, reply) => {
      const overview = await overviewSeenBy(deps.database, identityOf(request));
      if (overview.isErr()) return storeUnavailable(reply, overview.error);
      return overview.value;
    },
  );

  app.get(
    '/stream',
    {
      exposeHeadRoute: false,
      schema: {
        summary: 'The overview as text/event-stream: an `overview` event now and on every change',
        produces: ['text/event-stream'],
        response: {
          200: z.string().meta({ description: 'Events `overview`, whose JSON `data:` is a GET /v1/overview body' }),
          '4xx': errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const identity = identityOf(request);
      if (!deps.database) return sendError(reply, apiError(501, 'not-supported', 'only the PostgreSQL store streams'));
      reply.hijack();
      const stream: OverviewStream = new OverviewStream(reply.raw, {
        store: deps.store,
        read: () => overviewSeenBy(deps.database, identity),
        heartbeatMs: deps.limits.heartbeatMs,
        log: request.log,
        onEnd: () => deps.overviewStreams.delete(stream),
      });
      deps.overviewStreams.add(stream);
      await stream.start();
      return reply;
    },
  );
};
