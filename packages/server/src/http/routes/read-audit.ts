import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { identityOf, seesTenant } from '../../auth/request-identity.js';
import { apiError, sendError, storeUnavailable } from '../api-error.js';
import { auditPageSchema, auditQuerySchema, errorBodySchema } from '../api-schemas.js';
import type { HostDeps } from '../host-deps.js';

/** GET /v1/audit: a tenant's token reads its tenant's rows; an admin's reads all, refused tokens included. */
export const readAuditRoute: FastifyPluginAsyncZod<HostDeps> = async (app, { store }) => {
  app.get(
    '/audit',
    {
      schema: {
        summary: 'The audit log, oldest first, paged; `next` is the cursor of the next page',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, '4xx': errorBodySchema },
      },
    },
    async (request, reply) => {
      const identity = identityOf(request);
      const { tenant, ...rest } = request.query;
      if (tenant !== undefined && !seesTenant(identity, tenant)) {
        return sendError(reply, apiError(403, 'forbidden', "a tenant's token reads only its own tenant's audit rows"));
      }
      const read = await store.readAudit({ ...rest, tenant: identity.admin ? tenant : identity.tenant });
      if (read.isErr()) return storeUnavailable(reply, read.error);
      return read.value;
    },
  );
};
