import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { identityOf, seesTenant } from '../../auth/request-identity.js';
import { apiError, notFound, sendError, storeUnavailable } from '../api-error.js';
import {
  errorBodySchema,
  listRunsQuerySchema,
  runIdParamsSchema,
  runPageSchema,
  runViewSchema,
} from '../api-schemas.js';
import type { HostDeps } from '../host-deps.js';

/** GET /v1/runs/{id} and GET /v1/runs: a tenant's token sees its tenant's runs, an admin's every run. */
export const readRunsRoutes: FastifyPluginAsyncZod<HostDeps> = async (app, { store }) => {
  app.get(
    '/runs/:id',
    {
      schema: {
        summary: 'A run: its state, place in line and change sets',
        params: runIdParamsSchema,
        response: { 200: runViewSchema, '4xx': errorBodySchema },
      },
    },
    async (request, reply) => {
      const found = await store.getRun(request.params.id);
      if (found.isErr()) return storeUnavailable(reply, found.error);
      const run = found.value;
      // Another tenant's run is not found rather than forbidden: its existence is not theirs to learn.
      if (!run || !seesTenant(identityOf(request), run.tenant)) return sendError(reply, notFound('the run'));
      return run;
    },
  );

  app.get(
    '/runs',
    {
      schema: {
        summary: 'Runs, newest first or as the store pages them; `next` is the cursor of the next page',
        querystring: listRunsQuerySchema,
        response: { 200: runPageSchema, '4xx': errorBodySchema },
      },
    },
    async (request, reply) => {
      const identity = identityOf(request);
      const { tenant, ...rest } = request.query;
      if (tenant !== undefined && !seesTenant(identity, tenant)) {
        return sendError(reply, apiError(403, 'forbidden', "a tenant's token reads only its own tenant's runs"));
      }
      const listed = await store.listRuns({ ...rest, tenant: identity.admin ? tenant : identity.tenant });
      if (listed.isErr()) return storeUnavailable(reply, listed.error);
      return listed.value;
    },
  );
};
