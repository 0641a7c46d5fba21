import { checkCatalog } from './catalog-name.js';
import type { Tag } from './catalog-records.js';
import { changeReference } from './change-references.js';
import { entityIdOf } from './entity-identifier.js';
import { startChangeSetModel as model } from './start-change-set-model.js';
import { type TagRules, ViolationCollector } from './violation-collector.js';

/** The model's Tag and TagList limits (ChangeSetTags, EntityTags, TagResource). */
export const tagRules: TagRules = { list: model.TagList, key: model.TagKey, value: model.TagValue };

/** A change as received on the wire, before validation. */
export interface WireChange {
  ChangeType?: unknown;
  Entity?: { Type?: unknown; Identifier?: unknown } | null;
  EntityTags?: unknown;
  Details?: unknown;
  DetailsDocument?: unknown;
  ChangeName?: unknown;
}

/** A StartChangeSet body as received on the wire, before validation. */
export interface WireStartChangeSet {
  Catalog?: unknown;
  ChangeSet?: unknown;
  ChangeSetName?: unknown;
  ClientRequestToken?: unknown;
  ChangeSetTags?: unknown;
  Intent?: unknown;
}

/** A change that passed every rule. */
export interface ValidChange {
  readonly ChangeType: string;
  readonly Entity: { readonly Type: string; readonly Identifier?: string };
  readonly Details?: string;
  readonly DetailsDocument?: unknown;
  readonly ChangeName?: string;
  readonly EntityTags?: readonly Tag[];
}

/** A StartChangeSet request that passed every rule. */
export interface ValidStartChangeSet {
  readonly changes: readonly ValidChange[];
  readonly name?: string;
  readonly tags?: readonly Tag[];
  readonly clientRequestToken?: string;
  readonly intent: 'APPLY' | 'VALIDATE';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Every rule of the StartChangeSet page and the service model, reported all at once as one
 * ValidationException: catalog, 1-20 changes, ChangeType / Entity / Details / ChangeName / tag limits,
 * Details xor DetailsDocument, `$ChangeName.Entity.Identifier` references that resolve, unique ChangeNames,
 * one change type per entity per set (the page's own example), name and token patterns, intent.
 * A well-formed catalog other than AWSMarketplace is ResourceNotFoundException, raised last.
 */
export function validateStartChangeSet(input: WireStartChangeSet): ValidStartChangeSet {
  const violations = new ViolationCollector();
  violations.string('ChangeSetName', input.ChangeSetName, model.ChangeSetName);
  // The page says 1-36 of [\w-]; the current model accepts 1-64 of `^[!-~]+$` (printable ASCII, no
  // space). Refuse only what no version of the service accepts, so a caller's valid token is never refused.
  violations.string('ClientRequestToken', input.ClientRequestToken, model.ClientRequestToken);
  violations.tags('ChangeSetTags', input.ChangeSetTags, tagRules);
  if (input.Intent !== undefined && input.Intent !== 'APPLY' && input.Intent !== 'VALIDATE') {
    violations.add('Intent', `Intent must be APPLY or VALIDATE (got ${JSON.stringify(input.Intent)})`);
  }

  const changes = input.ChangeSet;
  if (changes === undefined || changes === null) {
    violations.add('ChangeSet', 'ChangeSet is required');
  } else if (!Array.isArray(changes)) {
    violations.add('ChangeSet', 'ChangeSet must be a list of changes', 'CannotParse');
  } else if (changes.length < model.ChangeSet.minItems || changes.length > model.ChangeSet.maxItems) {
    violations.add(
      'ChangeSet',
      `ChangeSet must hold ${model.ChangeSet.minItems} to ${model.ChangeSet.maxItems} changes (got ${changes.length})`,
    );
  } else {
    checkChanges(changes as WireChange[], violations);
  }
  // Last: it adds the Catalog's own violations, throws them all, then refuses an unknown catalog.
  checkCatalog(input.Catalog, violations);

  const valid = changes as WireChange[];
  return {
    changes: valid.map((change) => ({
      ChangeType: change.ChangeType as string,
      Entity: {
        Type: change.Entity?.Type as string,
        ...(typeof change.Entity?.Identifier === 'string' ? { Identifier: change.Entity.Identifier } : {}),
      },
      ...(change.Details !== undefined ? { Details: change.Details as string } : {}),
      ...(change.DetailsDocument !== undefined ? { DetailsDocument: change.DetailsDocument } : {}),
      ...(typeof change.ChangeName === 'string' ? { ChangeName: change.ChangeName } : {}),
      ...(change.EntityTags !== undefined ? { EntityTags: change.EntityTags as Tag[] } : {}),
    })),
    ...(typeof input.ChangeSetName === 'string' ? { name: input.ChangeSetName } : {}),
    ...(input.ChangeSetTags !== undefined ? { tags: input.ChangeSetTags as Tag[] } : {}),
    ...(typeof input.ClientRequestToken === 'string' ? { clientRequestToken: input.ClientRequestToken } : {}),
    intent: input.Intent === 'VALIDATE' ? 'VALIDATE' : 'APPLY',
  };
}

function checkChanges(changes: readonly WireChange[], violations: ViolationCollector): void {
  // ChangeName -> index of the first change carrying it.
  const named = new Map<string, number>();
  changes.forEach((change, index) => {
    if (isObject(change) && typeof change.ChangeName === 'string' && !named.has(change.ChangeName)) {
      named.set(change.ChangeName, index);
    }
  });

  /** The entity a change targets: its identifier, or the change that creates it; undefined for a broken chain. */
  const entityOf = (index: number): string | undefined => {
    let at = index;
    for (let hops = 0; hops <= changes.length; hops += 1) {
      const identifier = changes[at]?.Entity?.Identifier;
      const target = changeReference.nameIn(identifier);
      // `prod-abc@1` and `prod-abc` are one entity: the revision does not make another.
      if (target === undefined) return typeof identifier === 'string' ? `id:${entityIdOf(identifier)}` : `new:${at}`;
      const next = named.get(target);
      if (next === undefined || next === at) return undefined;
      at = next;
    }
    return undefined; // a cycle of references
  };

  const changeTypeByEntity = new Map<string, number>();
  changes.forEach((change, index) => {
    const at = `ChangeSet[${index}]`;
    if (!isObject(change)) {
      violations.add(at, `${at} must be a Change object`, 'CannotParse');
      return;
    }
    violations.string(`${at}.ChangeType`, change.ChangeType, model.ChangeType);
    // The model's ChangeName pattern is broken (it admits one letter): only the length is enforced.
    if (violations.string(`${at}.ChangeName`, change.ChangeName, model.ChangeName)) {
      if (named.get(change.ChangeName as string) !== index) {
        violations.add(
          `${at}.ChangeName`,
          `ChangeName ${String(change.ChangeName)} is used by more than one change`,
          'Other',
        );
      }
    }
    checkEntity(change, at, index, violations, named, entityOf);
    violations.tags(`${at}.EntityTags`, change.EntityTags, tagRules);
    checkDetails(change, at, violations, named);

    const entity = entityOf(index);
    if (entity !== undefined && typeof change.ChangeType === 'string') {
      const key = `${entity}\u0000${change.ChangeType}`;
      const first = changeTypeByEntity.get(key);
      if (first === undefined) {
        changeTypeByEntity.set(key, index);
      } else {
        const wireEntity = change.Entity as WireChange['Entity'];
        const identifier = String(wireEntity?.Identifier);
        violations.add(
          `${at}.ChangeType`,
          `The same change type (${change.ChangeType}) cannot be started more than once against the same entity (${identifier}) in one change set; ChangeSet[${first}] already does`,
          'Other',
          { ChangeType: change.ChangeType, EntityId: identifier, EntityType: String(wireEntity?.Type) },
        );
      }
    }
  });
}

function checkEntity(
  change: WireChange,
  at: string,
  index: number,
  violations: ViolationCollector,
  named: ReadonlyMap<string, number>,
  entityOf: (index: number) => string | undefined,
): void {
  if (!isObject(change.Entity)) {
    violations.add(`${at}.Entity`, `${at}.Entity is required`);
    return;
  }
  // The model's `^[a-zA-Z]+$` contradicts real types such as `DataProduct@1.0`: only the length is enforced.
  violations.string(`${at}.Entity.Type`, change.Entity.Type, model.EntityType);
  const identifier = change.Entity.Identifier;
  const target = changeReference.nameIn(identifier);
  if (target === undefined) {
    violations.string(`${at}.Entity.Identifier`, identifier, model.Identifier);
  } else if (!named.has(target)) {
    violations.add(
      `${at}.Entity.Identifier`,
      `${identifier} references no change named ${target} in this change set`,
      'Other',
    );
  } else if (entityOf(index) === undefined) {
    violations.add(
      `${at}.Entity.Identifier`,
      `${identifier} refers to itself, directly or through other changes`,
      'Other',
    );
  }
}

function checkDetails(
  change: WireChange,
  at: string,
  violations: ViolationCollector,
  named: ReadonlyMap<string, number>,
): void {
  if (change.Details !== undefined && change.DetailsDocument !== undefined) {
    violations.add(`${at}.Details`, 'Specify Details or DetailsDocument, not both');
  }
  if (change.Details !== undefined && violations.string(`${at}.Details`, change.Details, model.Details)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(change.Details as string);
    } catch {
      parsed = undefined;
    }
    if (!isObject(parsed))
      violations.add(`${at}.Details`, 'Details must be a JSON object serialized as a string', 'CannotParse');
  }
  const texts = [
    [`${at}.Details`, typeof change.Details === 'string' ? change.Details : undefined],
    [
      `${at}.DetailsDocument`,
      change.DetailsDocument !== undefined ? JSON.stringify(change.DetailsDocument) : undefined,
    ],
  ] as const;
  for (const [field, text] of texts) {
    if (text === undefined) continue;
    for (const name of changeReference.namesInside(text)) {
      if (!named.has(name))
        violations.add(
          field,
          `$${name}.Entity.Identifier references no change named ${name} in this change set`,
          'Other',
        );
    }
  }
}
