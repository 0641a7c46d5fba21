import type { RequestSchema } from '@changeplane/core/adapter';
import { z } from 'zod';

// Types and structure only; the service model's limits are in marketplace-model-limits.ts.

const tag = z.strictObject({ key: z.string(), value: z.string() });

/** Every member, with `jsonValue` for what a JSON object or array in `details` may hold. */
const marketplaceRequestShape = <JsonValue extends z.ZodType>(jsonValue: JsonValue) => {
  /**
   * A JSON value that is not null (the SDK drops a null DetailsDocument, so null is refused, not lost). The
   * object form first: a union stops at the first type that fits, and details are mostly documents.
   */
  const details = z.union([z.record(z.string(), jsonValue), z.array(jsonValue), z.string(), z.number(), z.boolean()]);
  const change = z.strictObject({
    changeType: z.string(),
    entity: z.strictObject({ type: z.string(), identifier: z.string().optional() }),
    details: details.optional(),
    entityTags: z.array(tag).optional(),
    changeName: z.string().optional(),
  });
  return {
    catalog: z.string().optional(),
    changes: z.array(change),
    changeSetName: z.string().optional(),
    changeSetTags: z.array(tag).optional(),
    clientToken: z.string().optional(),
  };
};

/** Every member of a Marketplace request with its type; unknown members are refused (a typo is not ignored). */
export const marketplaceRequestSchema = z.strictObject(marketplaceRequestShape(z.json()));

/**
 * `marketplaceRequestSchema` for `readPlainData`'s copy, which holds JSON data and nothing else by construction:
 * there the recursive `z.json()` can only say yes (and costs a cycle-tracking parse on every create), so this
 * variant takes any value inside a details document, and is compiled (`z.compile`: generated code first, zod's
 * own parser for the issues when that says no). Same verdicts and issues on plain data; `validateMarketplaceRequest`
 * runs it on every create.
 */
export const marketplacePlainRequestSchema = z.compile(
  z.strictObject(marketplaceRequestShape(z.unknown())),
) as unknown as RequestSchema<z.output<typeof marketplaceRequestSchema>>;
