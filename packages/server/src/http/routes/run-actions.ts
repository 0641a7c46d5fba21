import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { identityOf, seesTenant } from '../../auth/request-identity.js';
import type { RunActionError } from '../../host/host-store.js';
import { apiError, notFound, sendError, storeUnavailable } from '../api-error.js';
import { approveBodySchema, errorBodySchema, runIdParamsSchema, runViewSchema } from '../api-schemas.js';
import type { HostDeps } from '../host-deps.js';
import { recordAudit } from '../record-audit.js';

function actionFailed(reply: FastifyReply, failure: RunActionError) {
  if (failure.kind === 'store') return storeUnavailable(reply, failure);
  if (failure.kind === 'not-found') return sendError(reply, notFound('the run'));
  return sendError(reply, apiError(409, 'conflict', failure.message));
}

/** The run when the token may act on it; otherwise the 404 (or store failure) already sent. */
async function visibleRun({ store }: HostDeps, request: FastifyRequest, reply: FastifyReply, runId: string) {
  const found = await store.getRun(runId);
  if (found.isErr()) return void storeUnavailable(reply, found.error);
  if (!found.value || !seesTenant(identityOf(request), found.value.tenant))
    return void sendError(reply, notFound('the run'));
  return found.value;
}

/** POST /v1/runs/{id}/cancel and /approve: the run's tenant (an approver to approve) or an admin. */
export const runActionsRoutes: FastifyPluginAsyncZod<HostDeps> = async (app, deps) => {
  const responses = { 200: runViewSchema, '4xx': errorBodySchema };
  app.post(
    '/runs/:id/cancel',
    {
      schema: {
        summary: 'Cancel a run (queued: dropped; running: stopped)',
        params: runIdParamsSchema,
        response: responses,
      },
    },
    async (request, reply) => {
      const run = await visibleRun(deps, request, reply, request.params.id);
      if (!run) return reply;
      const identity = identityOf(request);
      const cancelled = await deps.store.cancel(run.id, identity);
      // The store writes the `cancelled` (and `approved`, `rejected`) audit row in the statement that acts.
      if (cancelled.isErr()) return actionFailed(reply, cancelled.error);
      return cancelled.value;
    },
  );

  app.post(
    '/runs/:id/approve',
    {
      schema: {
        summary: 'Approve (or reject, `approve: false`) a run awaiting approval, with the digest it shows',
        params: runIdParamsSchema,
        body: approveBodySchema,
        response: responses,
      },
    },
    async (request, reply) => {
      const run = await visibleRun(deps, request, reply, request.params.id);
      if (!run) return reply;
      const identity = identityOf(request);
      if (!identity.approver && !identity.admin) {
        await recordAudit(deps.store, request, {
          actor: identity.name,
          tenant: run.tenant,
          run: run.id,
          action: 'auth-refused',
          detail: { reason: 'approval needs an approver token' },
        });
        return sendError(reply, apiError(403, 'forbidden', 'approving needs a token made with --approver'));
      }
      const { digest, approve } = request.body;
      const decided = await deps.store.approve(run.id, digest, approve, identity);
      if (decided.isErr()) return actionFailed(reply, decided.error);
      return decided.value;
    },
  );
};
