import { z } from 'zod';

const jsonObject = z.record(z.string(), z.unknown());

/** One stack of a plan: one CreateChangeSet request, named as the plan file names it. */
export const rosStackSchema = z
  .object({
    /** The stack name: how the stack is found in its region (and named when created) and shown. */
    name: z
      .string()
      .describe(
        'Stack name: the stack of that name in the region is updated, or created when there is none; also how it is shown.',
      ),
    stackId: z
      .string()
      .optional()
      .describe(
        'The existing stack, for UPDATE (and IMPORT into an existing stack); not needed to update a stack found by name.',
      ),
    changeSetType: z
      .enum(['CREATE', 'UPDATE', 'IMPORT'])
      .optional()
      .describe(
        'Default: UPDATE when stackId is given; else the stack is looked up by name in the region: UPDATE when it exists, CREATE when not.',
      ),
    changeSetName: z.string().optional().describe('Default: changeplane-<run id>.'),
    template: z
      .union([jsonObject, z.string()])
      .optional()
      .describe('The template: a mapping, or its JSON or YAML text.'),
    templateURL: z.string().optional(),
    templateId: z.string().optional(),
    templateVersion: z.string().optional(),
    parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    usePreviousParameters: z.boolean().optional(),
    timeoutInMinutes: z
      .number()
      .optional()
      .describe('10-1440; default 60 unless the change set is an UPDATE of a given stackId.'),
    disableRollback: z.boolean().optional(),
    notificationURLs: z.array(z.string()).optional(),
    stackPolicy: z.union([jsonObject, z.string()]).optional(),
    ramRoleName: z.string().optional(),
    replacementOption: z.enum(['Enabled', 'Disabled']).optional(),
    parallelism: z.number().optional(),
    tags: z.record(z.string(), z.string()).optional(),
    description: z.string().optional(),
    resourceGroupId: z.string().optional().describe('The resource group of the stack.'),
    taintResources: z.array(z.string()).optional().describe('Resources to replace on UPDATE (logical ids).'),
  })
  .strict();

/** The plan file's `ros` section. */
export const rosPlanSectionSchema = z
  .object({
    regionId: z.string().optional().describe('Region of every stack; default: --ros-region, else cn-hangzhou.'),
    endpoint: z.string().optional().describe('ROS endpoint URL; default: ros.aliyuncs.com over HTTPS.'),
    emulator: z.boolean().optional().describe('Run this section on the embedded ROS emulator.'),
    stacks: z.array(rosStackSchema).min(1),
  })
  .strict();

/** The plan file's `ros` section, checked. */
export type RosPlanSection = z.infer<typeof rosPlanSectionSchema>;
/** One stack of the `ros` section, checked. */
export type RosStackEntry = z.infer<typeof rosStackSchema>;
