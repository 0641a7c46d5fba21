import { z } from 'zod';

// Types and structure only; the service model's limits are in marketplace-model-limits.ts.

const tag = z.strictObject({ key: z.string(), value: z.string() });

/**
 * A JSON value that is not null (the SDK drops a null DetailsDocument, so null is refused, not lost). The
 * object form first: a union stops at the first type that fits, and details are mostly documents.
 */
const details = z.union([z.record(z.string(), z.json()), z.array(z.json()), z.string(), z.number(), z.boolean()]);

const change = z.strictObject({
  changeType: z.string(),
  entity: z.strictObject({ type: z.string(), identifier: z.string().optional() }),
  details: details.optional(),
  entityTags: z.array(tag).optional(),
  changeName: z.string().optional(),
});

/** Every member of a Marketplace request with its type; unknown members are refused (a typo is not ignored). */
export const marketplaceRequestSchema = z.strictObject({
  catalog: z.string().optional(),
  changes: z.array(change),
  changeSetName: z.string().optional(),
  changeSetTags: z.array(tag).optional(),
  clientToken: z.string().optional(),
});
