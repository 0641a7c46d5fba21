import { z } from 'zod';
import { runViewSchema } from './api-schemas.js';

// The bodies of the status routes (GET /v1/locks, /v1/overview, /v1/stream) as zod schemas, in the OpenAPI document.

const visibleRunSchema = z.object({ runId: z.string(), tenant: z.string() });
const anotherTenantSchema = z.object({
  anotherTenant: z.literal(true).meta({ description: 'A run of a tenant this token may not see: no id, no tenant.' }),
});
const lockRunSchema = z.union([visibleRunSchema, anotherTenantSchema]);

export const heldLockSchema = z
  .object({
    key: z.string().meta({ description: 'The lock key: `aws-marketplace:AWSMarketplace:prod-a`, `alibaba-ros:…`.' }),
    since: z.string().meta({ description: 'When the holding run took it (ISO 8601).' }),
    holder: lockRunSchema,
    changeSet: z
      .object({ provider: z.string(), changeSetId: z.string().optional() })
      .optional()
      .meta({ description: "The change set recorded on the lock (the holder's tenant sees it): not its connection." }),
    waiting: z
      .array(lockRunSchema)
      .readonly()
      .meta({ description: 'Queued runs that need the key, first in line first.' }),
  })
  .meta({ id: 'HeldLock' });

export const lockListSchema = z.object({ items: z.array(heldLockSchema).readonly() }).meta({ id: 'HeldLockList' });

export const overviewSchema = z
  .object({
    queue: z.array(runViewSchema).readonly().meta({ description: 'Queued runs by place in line (1 runs next).' }),
    running: z
      .array(runViewSchema)
      .readonly()
      .meta({ description: 'Claimed runs not finished, with their change sets.' }),
    recent: z.array(runViewSchema).readonly().meta({ description: 'Finished runs, the latest first (at most 20).' }),
    locks: z.array(heldLockSchema).readonly(),
  })
  .meta({ id: 'Overview' });

export type HeldLockBody = z.infer<typeof heldLockSchema>;
export type OverviewBody = z.infer<typeof overviewSchema>;
