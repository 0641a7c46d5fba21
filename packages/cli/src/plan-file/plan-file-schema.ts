import { z } from 'zod';

// The plan file's shape. Structure and types are checked here; each provider's own rules (name patterns,
// sizes, limits) are checked by its adapter's `validate`, so no rule is written twice.

const json = z.record(z.string(), z.unknown());

export const rosStackSchema = z
  .object({
    /** The stack name (CREATE, IMPORT) — also how the stack is shown. */
    name: z.string(),
    /** The stack id, for UPDATE (and IMPORT into an existing stack). */
    stackId: z.string().optional(),
    changeSetType: z.enum(['CREATE', 'UPDATE', 'IMPORT']).optional(),
    changeSetName: z.string().optional(),
    template: z.union([json, z.string()]).optional(),
    templateURL: z.string().optional(),
    templateId: z.string().optional(),
    templateVersion: z.string().optional(),
    parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    usePreviousParameters: z.boolean().optional(),
    timeoutInMinutes: z.number().optional(),
    disableRollback: z.boolean().optional(),
    notificationURLs: z.array(z.string()).optional(),
    stackPolicy: z.union([json, z.string()]).optional(),
    ramRoleName: z.string().optional(),
    replacementOption: z.enum(['Enabled', 'Disabled']).optional(),
    parallelism: z.number().optional(),
    tags: z.record(z.string(), z.string()).optional(),
    description: z.string().optional(),
  })
  .strict();

export const marketplaceChangeSchema = z
  .object({
    changeType: z.string(),
    entity: z.object({ type: z.string(), identifier: z.string().optional() }).strict(),
    /** Any JSON value but null, as the adapter takes it: a string is sent as `Details` (a JSON object's text),
     *  anything else (an object, or an array as `AddDimensions` takes) as `DetailsDocument`. */
    details: z
      .union([z.string(), z.number(), z.boolean(), z.array(z.json()), z.record(z.string(), z.json())])
      .optional(),
    changeName: z.string().optional(),
    entityTags: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const planFileSchema = z
  .object({
    version: z.literal(1),
    name: z.string().optional(),
    ros: z
      .object({
        regionId: z.string().default('cn-hangzhou'),
        stacks: z.array(rosStackSchema).min(1),
      })
      .strict()
      .optional(),
    marketplace: z
      .object({
        catalog: z.string().default('AWSMarketplace'),
        /** Prefix of the change-set names; the planner numbers the sets. */
        changeSetName: z.string().optional(),
        /** Open change sets at once (the account's limit). */
        concurrency: z.number().int().min(1).max(100).default(10),
        changes: z.array(marketplaceChangeSchema).min(1),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((plan) => plan.ros !== undefined || plan.marketplace !== undefined, {
    message: 'a plan needs at least one of `ros` or `marketplace`',
  });

export type PlanFile = z.infer<typeof planFileSchema>;
export type RosStackEntry = z.infer<typeof rosStackSchema>;
export type MarketplaceChangeEntry = z.infer<typeof marketplaceChangeSchema>;
