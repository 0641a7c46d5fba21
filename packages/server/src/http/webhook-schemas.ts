import { z } from 'zod';
import { webhookEvents } from '../store/webhook-schema.js';

// The bodies of the /v1/webhooks routes (docs/server.md, "Webhooks").

const eventSchema = z.enum(webhookEvents);

export const createWebhookBodySchema = z.object({
  url: z
    .string()
    .min(1)
    .max(2_000)
    .meta({ description: 'http(s) URL of the receiver; private addresses need the operator.' }),
  events: z
    .array(eventSchema)
    .min(1)
    .max(webhookEvents.length)
    .meta({ description: 'Run events to deliver: queued, started, awaiting-approval, succeeded, failed, cancelled.' }),
});

const webhookSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    url: z.string(),
    events: z.array(eventSchema).readonly(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Webhook' });

export const createdWebhookSchema = z
  .object({
    webhook: webhookSchema,
    secret: z.string().meta({
      description: 'The signing secret (`whsec_` + base64): shown in this answer only. Keep it; verify with it.',
    }),
  })
  .meta({ id: 'WebhookCreated' });

export const webhookListSchema = z.object({ items: z.array(webhookSchema).readonly() }).meta({ id: 'WebhookList' });

const attemptSchema = z.object({
  at: z.string(),
  statusCode: z.number().int().optional(),
  durationMs: z.number().int(),
  error: z.string().optional(),
});

export const deliveryListSchema = z
  .object({
    items: z
      .array(
        z.object({
          id: z.string().meta({ description: 'Sent as the `webhook-id` header: the same on every retry.' }),
          runId: z.string(),
          event: z.string(),
          state: z.enum(['pending', 'delivered', 'failed']),
          attempts: z.number().int(),
          nextAttemptAt: z.string().optional(),
          createdAt: z.string(),
          deliveredAt: z.string().optional(),
          log: z.array(attemptSchema).readonly(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'WebhookDeliveries' });

export const webhookIdParamsSchema = z.object({ id: z.string().min(1).max(200) });

export const deliveriesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
