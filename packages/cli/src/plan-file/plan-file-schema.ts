import { z } from 'zod';

// The plan file's shape. Structure and types are checked here; each provider's own rules (name patterns,
// sizes, limits) are checked by its adapter's `validate`, so no rule is written twice. Every field's
// `describe` text goes into the JSON Schema (editor hovers) and the generated docs/plan-file.md.

const json = z.record(z.string(), z.unknown());

/** One ROS stack of a plan: the fields of a CreateChangeSet request, named as in the ROS API. */
export const rosStackSchema = z
  .object({
    name: z.string().describe('The stack name (CREATE, IMPORT); also how the stack is shown.'),
    stackId: z.string().optional().describe('The stack id, for UPDATE (and IMPORT into an existing stack).'),
    changeSetType: z
      .enum(['CREATE', 'UPDATE', 'IMPORT'])
      .optional()
      .describe('CREATE a new stack (default), UPDATE an existing one, or IMPORT resources into one.'),
    changeSetName: z.string().optional().describe('The change-set name; one is generated when absent.'),
    template: z
      .union([json, z.string()])
      .optional()
      .describe('The ROS template inline: an object, or a JSON/YAML string (TemplateBody).'),
    templateURL: z.string().optional().describe('Where ROS fetches the template (TemplateURL).'),
    templateId: z.string().optional().describe('A ROS template resource id (TemplateId).'),
    templateVersion: z.string().optional().describe('The version of `templateId` (TemplateVersion).'),
    parameters: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('Template parameters by name.'),
    usePreviousParameters: z.boolean().optional().describe('UPDATE: keep the values of parameters not given.'),
    timeoutInMinutes: z.number().optional().describe('Stack operation timeout (TimeoutInMinutes).'),
    disableRollback: z.boolean().optional().describe('Keep created resources when the operation fails.'),
    notificationURLs: z.array(z.string()).optional().describe('Callback URLs for stack events (NotificationURLs).'),
    stackPolicy: z
      .union([json, z.string()])
      .optional()
      .describe('Stack policy: an object or a JSON string (StackPolicyBody).'),
    ramRoleName: z.string().optional().describe('The RAM role ROS assumes (RamRoleName).'),
    replacementOption: z
      .enum(['Enabled', 'Disabled'])
      .optional()
      .describe('UPDATE: whether resources may be replaced.'),
    parallelism: z.number().optional().describe('How many resources ROS changes at once.'),
    tags: z.record(z.string(), z.string()).optional().describe('Stack tags by key.'),
    description: z.string().optional().describe('The change-set description.'),
  })
  .strict()
  .describe('One ROS stack: a change set created (and, on apply, executed) on it.');

/** One Marketplace Catalog change of a plan: a `Change` of StartChangeSet. */
export const marketplaceChangeSchema = z
  .object({
    changeType: z.string().describe('The change type, e.g. `UpdateInformation`, `CreateProduct`.'),
    entity: z
      .object({
        type: z.string().describe('The entity type with its version, e.g. `SaaSProduct@1.0`.'),
        identifier: z.string().optional().describe('The entity id; absent for changes that create the entity.'),
      })
      .strict()
      .describe('The entity the change applies to.'),
    details: z
      .union([json, z.string()])
      .optional()
      .describe("The change's details: an object (DetailsDocument) or a JSON string (Details)."),
    changeName: z
      .string()
      .optional()
      .describe('A name other changes reference as `$Name.Entity.Identifier`; kept in the same change set.'),
    entityTags: z.record(z.string(), z.string()).optional().describe('Tags for the entity by key.'),
  })
  .strict()
  .describe('One Marketplace Catalog change.');

/** The whole plan file (YAML or JSON): ROS stacks, Marketplace changes, or both. */
export const planFileSchema = z
  .object({
    version: z.literal(1).describe('The plan-file format version: 1.'),
    name: z.string().optional().describe('The plan name, shown in the output and recorded in the state file.'),
    ros: z
      .object({
        regionId: z.string().default('cn-hangzhou').describe('The ROS region.'),
        stacks: z.array(rosStackSchema).min(1).describe('The stacks to change; they run concurrently.'),
      })
      .strict()
      .optional()
      .describe('Alibaba Cloud ROS stacks.'),
    marketplace: z
      .object({
        catalog: z.string().default('AWSMarketplace').describe('The catalog.'),
        changeSetName: z.string().optional().describe('Prefix of the change-set names; the planner numbers the sets.'),
        concurrency: z
          .number()
          .int()
          .min(1)
          .max(100)
          .default(10)
          .describe('Open change sets at once (the account limit).'),
        changes: z
          .array(marketplaceChangeSchema)
          .min(1)
          .describe('The changes; the planner packs them into the fewest valid change sets.'),
      })
      .strict()
      .optional()
      .describe('AWS Marketplace Catalog changes.'),
  })
  .strict()
  .refine((plan) => plan.ros !== undefined || plan.marketplace !== undefined, {
    message: 'a plan needs at least one of `ros` or `marketplace`',
  })
  .describe('A changeplane plan file: ROS stacks, AWS Marketplace Catalog changes, or both.');

/** A plan file after parsing, with defaults filled in. */
export type PlanFile = z.infer<typeof planFileSchema>;
/** One entry of `ros.stacks`. */
export type RosStackEntry = z.infer<typeof rosStackSchema>;
/** One entry of `marketplace.changes`. */
export type MarketplaceChangeEntry = z.infer<typeof marketplaceChangeSchema>;
