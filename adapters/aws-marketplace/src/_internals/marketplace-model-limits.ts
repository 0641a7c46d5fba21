/**
 * The StartChangeSet input constraints of the AWS Marketplace Catalog service model (botocore
 * `marketplace-catalog/2018-09-17/service-2.json`, as summarized in providers.md "Limits from the current
 * service model"), one entry per model shape. Lengths count characters as the service does: Unicode code
 * points, not UTF-16 units. The emulator keeps its own reading of the same model (it imports nothing of
 * ours); `test/fidelity/marketplace` runs the same boundary cases through both.
 */
export interface StringLimit {
  /** The model shape the limit comes from. */
  readonly shape: string;
  readonly min: number;
  readonly max: number;
  readonly pattern?: RegExp;
  /** How the pattern is described to a person. */
  readonly patternText?: string;
}

export interface ListLimit {
  readonly shape: string;
  readonly minItems: number;
  readonly maxItems: number;
}

const tagPattern = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;
const tagPatternText = 'letters, spaces, digits and _.:/=+-@';

/** StartChangeSet's input limits from the service model (botocore marketplace-catalog 2018-09-17). */
export const marketplaceModelLimits = {
  /** `Catalog`: min 1, max 64, `^[a-zA-Z]+$`. */
  catalog: { shape: 'Catalog', min: 1, max: 64, pattern: /^[a-zA-Z]+$/, patternText: 'letters' },
  /** `RequestedChangeList`: min 1, max 20. */
  changes: { shape: 'RequestedChangeList', minItems: 1, maxItems: 20 },
  /** `ChangeType`: min 1, max 255, `^[A-Z][\w]*$`. */
  changeType: {
    shape: 'ChangeType',
    min: 1,
    max: 255,
    pattern: /^[A-Z][\w]*$/,
    patternText: 'letters, digits and _, starting with a capital letter',
  },
  /** `EntityType`: min 1, max 255; the model's `^[a-zA-Z]+$` contradicts real types (`DataProduct@1.0`): not enforced. */
  entityType: { shape: 'EntityType', min: 1, max: 255 },
  /** `Identifier`: min 1, max 255, `^[\w\-@]+$` (a `$ChangeName.Entity.Identifier` reference is checked apart). */
  entityIdentifier: {
    shape: 'Identifier',
    min: 1,
    max: 255,
    pattern: /^[\w\-@]+$/,
    patternText: 'letters, digits and _-@',
  },
  /** `Json` (the `Details` string): min 2, max 16,384, `^[\s]*\{[\s\S]*\}[\s]*$`, and it must parse as a JSON object. */
  details: {
    shape: 'Json',
    min: 2,
    max: 16_384,
    pattern: /^[\s]*\{[\s\S]*\}[\s]*$/,
    patternText: 'a JSON object',
  },
  /** `ChangeName`: min 1, max 72; the model's pattern admits one letter only (broken): not enforced. */
  changeName: { shape: 'ChangeName', min: 1, max: 72 },
  /** `ChangeSetName`: min 1, max 100, `^[\w\s+=.:@-]+$`. */
  changeSetName: {
    shape: 'ChangeSetName',
    min: 1,
    max: 100,
    pattern: /^[\w\s+=.:@-]+$/,
    patternText: 'letters, digits, spaces and _+=.:@-',
  },
  /** `ClientToken`: min 1, max 64, `^[!-~]+$` (the seed page's 1-36 `^[\w\-]+$` is a subset). */
  clientToken: {
    shape: 'ClientToken',
    min: 1,
    max: 64,
    pattern: /^[!-~]+$/,
    patternText: 'printable ASCII without spaces',
  },
  /** `TagList`: min 1, max 200 (ChangeSetTags and EntityTags). */
  tags: { shape: 'TagList', minItems: 1, maxItems: 200 },
  /** `TagKey`: min 1, max 128. */
  tagKey: { shape: 'TagKey', min: 1, max: 128, pattern: tagPattern, patternText: tagPatternText },
  /** `TagValue`: min 0, max 256. */
  tagValue: { shape: 'TagValue', min: 0, max: 256, pattern: tagPattern, patternText: tagPatternText },
} as const satisfies Record<string, StringLimit | ListLimit>;

const surrogate = /[\uD800-\uDFFF]/;

/** The length the service checks: Unicode code points. */
export const codePointLength = (text: string): number => {
  // Without surrogates (nearly every value) code points are UTF-16 units: no walk over the text.
  if (!surrogate.test(text)) return text.length;
  let count = 0;
  for (const _ of text) count += 1;
  return count;
};
