import type { RequestSchema } from '@changeplane/core/adapter';
import { z } from 'zod';

// Types and structure of a ROS request; the API pages' limits are in ros-api-limits.ts.

/** Every member, with `jsonValue` for what a JSON object member may hold (a template or policy given as an object). */
const rosRequestShape = (jsonValue: z.ZodType) => {
  const textOrObject = z.union([z.string(), z.record(z.string(), jsonValue)]);
  return {
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
  };
};

/** Every CreateChangeSet parameter of SDK 3.7.0 with its type; unknown members are refused (a typo is not ignored). */
export const rosRequestSchema = z.strictObject(rosRequestShape(z.json()));

/**
 * `rosRequestSchema` for `readPlainData`'s copy, which holds JSON data and nothing else by construction: there the
 * recursive `z.json()` can only say yes, so this variant takes any member value of a JSON object, and is
 * compiled (`z.compile`: generated code first, zod's own parser for the issues when that says no). Same verdicts
 * and issues on plain data, at a fraction of the cost; `checkRosRequest` runs it on every create.
 */
export const rosPlainRequestSchema = z.compile(
  z.strictObject(rosRequestShape(z.unknown())),
) as unknown as RequestSchema<z.output<typeof rosRequestSchema>>;
