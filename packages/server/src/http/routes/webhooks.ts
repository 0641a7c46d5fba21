import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { identityOf } from '../../auth/request-identity.js';
import type { WebhookError, WebhookService } from '../../webhooks/webhook-service.js';
import { apiError, notFound, sendError, storeUnavailable } from '../api-error.js';
import { errorBodySchema } from '../api-schemas.js';
import {
  createdWebhookSchema,
  createWebhookBodySchema,
  deliveriesQuerySchema,
  deliveryListSchema,
  webhookIdParamsSchema,
  webhookListSchema,
} from '../webhook-schemas.js';

function webhookFailed(reply: FastifyReply, failure: WebhookError) {
  if (failure.kind === 'store') return storeUnavailable(reply, failure);
  if (failure.kind === 'not-found') return sendError(reply, notFound('the webhook subscription'));
  return sendError(reply, apiError(422, 'webhook-target-refused', failure.message));
}

/** /v1/webhooks: a tenant's subscriptions to its runs' events and their delivery logs (an admin sees all). */
export const webhookRoutes: FastifyPluginAsyncZod<{ webhooks: WebhookService }> = async (app, { webhooks }) => {
  const errors = { '4xx': errorBodySchema, '5xx': errorBodySchema };
  app.post(
    '/webhooks',
    {
      schema: {
        summary: "Subscribe to the token's tenant's run events; the answer holds the signing secret, once",
        body: createWebhookBodySchema,
        response: { 201: createdWebhookSchema, ...errors },
      },
    },
    async (request, reply) => {
      const made = await webhooks.subscribe(identityOf(request), request.body.url, request.body.events);
      if (made.isErr()) return webhookFailed(reply, made.error);
      request.log.info(
        { webhookId: made.value.subscription.id, tenant: made.value.subscription.tenant },
        'webhook subscribed',
      );
      return reply.code(201).send({ webhook: made.value.subscription, secret: made.value.secret });
    },
  );

  app.get(
    '/webhooks',
    {
      schema: {
        summary: "The tenant's webhook subscriptions (no secrets)",
        response: { 200: webhookListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const listed = await webhooks.list(identityOf(request));
      if (listed.isErr()) return storeUnavailable(reply, listed.error);
      return { items: listed.value };
    },
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        summary: 'Delete a subscription with its delivery log',
        params: webhookIdParamsSchema,
        response: { 204: z.null().meta({ description: 'Deleted' }), ...errors },
      },
    },
    async (request, reply) => {
      const removed = await webhooks.remove(identityOf(request), request.params.id);
      if (removed.isErr()) return webhookFailed(reply, removed.error);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        summary: 'The newest deliveries of a subscription, each with its attempts (status, duration, error)',
        params: webhookIdParamsSchema,
        querystring: deliveriesQuerySchema,
        response: { 200: deliveryListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const listed = await webhooks.deliveries(identityOf(request), request.params.id, request.query.limit);
      if (listed.isErr()) return webhookFailed(reply, listed.error);
      return { items: listed.value };
    },
  );
};
