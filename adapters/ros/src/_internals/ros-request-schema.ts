import { z } from 'zod';

// Types and structure of a ROS request; the API pages' limits are in ros-api-limits.ts.

const jsonObject = z.record(z.string(), z.json());
const textOrObject = z.union([z.string(), jsonObject]);

/** Every CreateChangeSet parameter of SDK 3.7.0 with its type; unknown members are refused (a typo is not ignored). */
export const rosRequestSchema = z.strictObject({
  changeSetType: z.enum(['CREATE', 'UPDATE', 'IMPORT']).optional(),
  regionId: z.string(),
  changeSetName: z.string(),
  stackName: z.string().optional(),
  stackId: z.string().optional(),
  templateBody: textOrObject.optional(),
  templateURL: z.string().optional(),
  templateId: z.string().optional(),
  templateVersion: z.string().optional(),
  templateScratchId: z.string().optional(),
  parameters: z.record(z.string(), z.string()).optional(),
  usePreviousParameters: z.boolean().optional(),
  stackPolicyBody: textOrObject.optional(),
  stackPolicyURL: z.string().optional(),
  stackPolicyDuringUpdateBody: textOrObject.optional(),
  stackPolicyDuringUpdateURL: z.string().optional(),
  timeoutInMinutes: z.number().optional(),
  disableRollback: z.boolean().optional(),
  notificationURLs: z.array(z.string()).optional(),
  resourcesToImport: z
    .array(
      z.strictObject({
        resourceType: z.string(),
        logicalResourceId: z.string(),
        resourceIdentifier: z.union([z.string(), z.record(z.string(), z.string())]),
      }),
    )
    .optional(),
  ramRoleName: z.string().optional(),
  replacementOption: z.enum(['Enabled', 'Disabled']).optional(),
  parallelism: z.number().optional(),
  resourceGroupId: z.string().optional(),
  taintResources: z.array(z.string()).optional(),
  tags: z.array(z.strictObject({ key: z.string(), value: z.string().optional() })).optional(),
  description: z.string().optional(),
  clientToken: z.string().optional(),
});
