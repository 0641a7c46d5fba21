import { z } from 'zod';

// The API's bodies as zod schemas: Fastify validates requests and serializes responses with them, and
// @fastify/swagger turns them into the OpenAPI 3.1 document at GET /openapi.json.

const runStateSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

const planProblemSchema = z.object({
  path: z.string().meta({ description: 'Dotted path in the plan, empty for the whole document.' }),
  message: z.string(),
  rule: z.string().optional(),
});

const planTargetSchema = z.object({ provider: z.string(), target: z.string() });

export const errorBodySchema = z
  .object({
    error: z.string().meta({ description: 'A short code: `not-found`, `unauthorized`, `plan-invalid`, ...' }),
    message: z.string(),
    issues: z.array(planProblemSchema).optional(),
    targets: z.array(planTargetSchema).optional().meta({ description: 'On 403: the targets outside the scopes.' }),
  })
  .meta({ id: 'Error' });

const runTaskSchema = z.object({
  task: z.string(),
  label: z.string(),
  provider: z.string(),
  status: z.string(),
  changeSetId: z.string().optional(),
  changes: z.number().optional(),
  message: z.string().optional(),
});

export const runViewSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    submittedBy: z.string(),
    state: runStateSchema,
    reason: z.string().optional(),
    position: z.number().int().optional().meta({ description: 'Place in line while queued: 1 runs next.' }),
    digest: z.string(),
    locks: z.array(z.string()).readonly(),
    tasks: z.array(runTaskSchema).readonly(),
    awaitingApproval: z.object({ digest: z.string() }).optional(),
    exitCode: z.number().int().optional(),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
  })
  .meta({ id: 'Run' });

export const runAcceptedSchema = z
  .object({ id: z.string(), state: runStateSchema, position: z.number().int().optional() })
  .meta({ id: 'RunAccepted' });

export const runPageSchema = z
  .object({ items: z.array(runViewSchema).readonly(), next: z.string().optional() })
  .meta({ id: 'RunPage' });

const auditRowSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    tenant: z.string().optional(),
    run: z.string().optional(),
    action: z.string(),
    detail: z.record(z.string(), z.unknown()).readonly().optional(),
  })
  .meta({ id: 'AuditRow' });

export const auditPageSchema = z
  .object({ items: z.array(auditRowSchema).readonly(), next: z.string().optional() })
  .meta({ id: 'AuditPage' });

const text = (max: number) => z.string().min(1).max(max);

export const runIdParamsSchema = z.object({ id: text(200) });

export const listRunsQuerySchema = z.object({
  state: runStateSchema.optional(),
  tenant: text(200).optional(),
  cursor: text(1_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const auditQuerySchema = z.object({
  tenant: text(200).optional(),
  run: text(200).optional(),
  since: z.iso.datetime({ offset: true }).optional().meta({ description: 'ISO 8601: rows at or after it.' }),
  cursor: text(1_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const approveBodySchema = z.object({
  digest: text(200).meta({ description: 'The digest the run shows in `awaitingApproval`.' }),
  approve: z.boolean().default(true).meta({ description: '`false` rejects the run, which cancels it.' }),
});

export const submitHeadersSchema = z.looseObject({
  'idempotency-key': text(200).optional().meta({ description: 'The same key and body return the same run.' }),
});

export const eventsHeadersSchema = z.looseObject({
  'last-event-id': z
    .string()
    .regex(/^\d{1,15}$/)
    .optional()
    .meta({ description: 'Resume after this event id.' }),
});

export const healthSchema = z.object({ status: z.string() });

export type ErrorBody = z.infer<typeof errorBodySchema>;
