import { z } from 'zod';
import { defaultCatalog } from '../_internals/default-catalog.js';

/** One change of a plan: one Change of a StartChangeSet request. */
export const marketplaceChangeSchema = z
  .object({
    changeType: z.string().describe('The change type, such as UpdateInformation or AddDimensions.'),
    entity: z.object({ type: z.string(), identifier: z.string().optional() }).strict(),
    // Any JSON value but null, as the adapter takes it: text is sent as `Details` (a JSON object's text), anything
    // else (an object, or an array as AddDimensions takes) as `DetailsDocument`.
    details: z
      .union([z.string(), z.number(), z.boolean(), z.array(z.json()), z.record(z.string(), z.json())])
      .optional()
      .describe('The change details: JSON (objects, arrays) as DetailsDocument, text as Details.'),
    changeName: z.string().optional().describe('Lets other changes refer to this one: $ChangeName.Entity.Identifier.'),
    entityTags: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** The plan file's `marketplace` section. */
export const marketplacePlanSectionSchema = z
  .object({
    catalog: z.string().default(defaultCatalog),
    /** Prefix of the change-set names; the planner numbers the sets. */
    changeSetName: z.string().optional().describe('Prefix of the change-set names; the planner numbers the sets.'),
    /** Open change sets at once (the account's limit). */
    concurrency: z.number().int().min(1).max(100).default(10).describe('Change sets open at once.'),
    emulator: z.boolean().optional().describe('Run this section on the embedded Marketplace emulator.'),
    changes: z.array(marketplaceChangeSchema).min(1),
  })
  .strict();

/** The plan file's `marketplace` section, checked. */
export type MarketplacePlanSection = z.infer<typeof marketplacePlanSectionSchema>;
/** One change of the `marketplace` section, checked. */
export type MarketplaceChangeEntry = z.infer<typeof marketplaceChangeSchema>;
