import type { StringRule } from './violation-collector.js';

/**
 * The emulator's own reading of the StartChangeSet input shapes of the AWS Marketplace Catalog service
 * model (botocore `marketplace-catalog/2018-09-17/service-2.json`; summarized in providers.md "Limits from
 * the current service model"), by wire member name. Lengths are counted in characters (Unicode code
 * points), as the service counts them. Independent of the adapter's table on purpose: the fidelity suite
 * runs the same boundary cases through both, so a misreading on either side shows up as a disagreement.
 */
const tagCharacters = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;

export const startChangeSetModel = {
  /** Catalog: String, min 1, max 64, `^[a-zA-Z]+$`, required. */
  Catalog: { min: 1, max: 64, pattern: /^[a-zA-Z]+$/, required: true },
  /** RequestedChangeList: 1 to 20 Change. */
  ChangeSet: { minItems: 1, maxItems: 20 },
  /** ChangeType: min 1, max 255, `^[A-Z][\w]*$`, required. */
  ChangeType: { min: 1, max: 255, pattern: /^[A-Z][\w]*$/, required: true },
  /** EntityType: min 1, max 255, required. The model's `^[a-zA-Z]+$` is contradicted by real types
   *  (`SaaSProduct@1.0`), so only the length is enforced. */
  EntityType: { min: 1, max: 255, required: true },
  /** Identifier: min 1, max 255, `^[\w\-@]+$` (a `$Name.Entity.Identifier` reference is resolved instead). */
  Identifier: { min: 1, max: 255, pattern: /^[\w\-@]+$/ },
  /** Json (Details): min 2, max 16,384, `^[\s]*\{[\s\S]*\}[\s]*$`; the text must be a JSON object. */
  Details: { min: 2, max: 16_384, pattern: /^[\s]*\{[\s\S]*\}[\s]*$/ },
  /** ChangeName: min 1, max 72 (the model's `^[a-zA-Z]$` would admit one letter only: not enforced). */
  ChangeName: { min: 1, max: 72 },
  /** ChangeSetName: min 1, max 100, `^[\w\s+=.:@-]+$`. */
  ChangeSetName: { min: 1, max: 100, pattern: /^[\w\s+=.:@-]+$/ },
  /** ClientToken: min 1, max 64, `^[!-~]+$` (the older page's 1-36 `^[\w\-]+$` is a subset). */
  ClientRequestToken: { min: 1, max: 64, pattern: /^[!-~]+$/ },
  /** TagList: 1 to 200 Tag. */
  TagList: { minItems: 1, maxItems: 200 },
  /** TagKey: min 1, max 128, `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`, required. */
  TagKey: { min: 1, max: 128, pattern: tagCharacters, required: true },
  /** TagValue: min 0, max 256, same pattern, required (a Tag without Value is refused). */
  TagValue: { min: 0, max: 256, pattern: tagCharacters, required: true },
} as const satisfies Record<string, StringRule | { readonly minItems: number; readonly maxItems: number }>;
