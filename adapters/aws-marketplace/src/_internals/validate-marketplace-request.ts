import type { ValidationError, ValidationIssue } from '@changeplane/core';
import { createValidationError, parseRequest } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import type { CheckedMarketplaceRequest, MarketplaceTag } from '../marketplace-change-set-request.js';
import { changeReference } from './change-reference.js';
import { defaultCatalog } from './default-catalog.js';
import { entityIdOf } from './entity-id.js';
import {
  codePointLength,
  type ListLimit,
  marketplaceModelLimits as limits,
  type StringLimit,
} from './marketplace-model-limits.js';
import { marketplacePlainRequestSchema } from './marketplace-request-schema.js';

const providerId = 'aws-marketplace';

class ModelRules {
  readonly issues: ValidationIssue[] = [];

  add(path: string, rule: string, message: string): void {
    this.issues.push({ path, rule, message });
  }

  /** Length in code points first, then the pattern: a value too long is reported once. */
  string(path: string, value: string | undefined, limit: StringLimit): boolean {
    if (value === undefined) return true;
    const length = codePointLength(value);
    if (length < limit.min || length > limit.max) {
      this.add(path, 'length', `must be ${limit.min} to ${limit.max} characters (${limit.shape}), got ${length}`);
      return false;
    }
    if (limit.pattern && !limit.pattern.test(value)) {
      this.add(path, 'pattern', `may contain only ${limit.patternText} (${limit.shape}: ${limit.pattern.source})`);
      return false;
    }
    return true;
  }

  list(path: string, length: number, limit: ListLimit, advice = ''): boolean {
    if (length >= limit.minItems && length <= limit.maxItems) return true;
    this.add(
      path,
      length < limit.minItems ? 'minItems' : 'maxItems',
      `must hold ${limit.minItems} to ${limit.maxItems} items (${limit.shape}), got ${length}${advice}`,
    );
    return false;
  }

  tags(path: string, tags: readonly MarketplaceTag[] | undefined): void {
    if (tags === undefined) return;
    this.list(path, tags.length, limits.tags);
    tags.forEach((tag, index) => {
      this.string(`${path}[${index}].key`, tag.key, limits.tagKey);
      this.string(`${path}[${index}].value`, tag.value, limits.tagValue);
    });
  }
}

/**
 * Any input into a StartChangeSet request that the service model accepts, or one validation error listing
 * every broken rule with its field: types first (`marketplacePlainRequestSchema`, on a detached plain copy, so
 * nothing the caller passes can throw), then every model limit (`marketplaceModelLimits`), 1 to 20 changes,
 * one change type per entity per set (the page's own example), unique change names and references that
 * resolve. No network call. The value returned is the copy that was checked: send it, not the input.
 */
export function validateMarketplaceRequest(input: unknown): Result<CheckedMarketplaceRequest, ValidationError> {
  const parsed = parseRequest(marketplacePlainRequestSchema, input, { provider: providerId, operation: 'create' });
  if (parsed.isErr()) return err(parsed.error);
  const request: CheckedMarketplaceRequest = parsed.value;
  const rules = new ModelRules();
  rules.string('catalog', request.catalog ?? defaultCatalog, limits.catalog);
  rules.string('changeSetName', request.changeSetName, limits.changeSetName);
  rules.string('clientToken', request.clientToken, limits.clientToken);
  rules.tags('changeSetTags', request.changeSetTags);
  const changes = request.changes;
  rules.list(
    'changes',
    changes.length,
    limits.changes,
    changes.length > limits.changes.maxItems ? ': split the batch with the planner (planChangeSets)' : '',
  );

  const names = new Map<string, number>();
  changes.forEach((change, index) => {
    if (change.changeName === undefined) return;
    const first = names.get(change.changeName);
    if (first === undefined) names.set(change.changeName, index);
    else
      rules.add(
        `changes[${index}].changeName`,
        'unique',
        `"${change.changeName}" is also the name of changes[${first}]`,
      );
  });
  const unknownReference = (path: string, name: string) =>
    rules.add(path, 'reference', `refers to ${name}, which no change of this set is named`);

  /** The entity a change targets, through `$Name.Entity.Identifier` chains; undefined for a broken chain or a cycle. */
  const entityOf = (index: number): string | undefined => {
    let at = index;
    for (let hops = 0; hops <= changes.length; hops += 1) {
      const identifier = changes[at]?.entity.identifier;
      const reference = identifier?.startsWith('$') ? changeReference.whole.exec(identifier) : null;
      if (!reference) return identifier === undefined ? `new:${at}` : `id:${entityIdOf(identifier)}`;
      const next = names.get(reference[1]!);
      if (next === undefined || next === at) return undefined;
      at = next;
    }
    return undefined;
  };

  const seen = new Map<string, number>();
  changes.forEach((change, index) => {
    const at = `changes[${index}]`;
    rules.string(`${at}.changeType`, change.changeType, limits.changeType);
    rules.string(`${at}.entity.type`, change.entity.type, limits.entityType);
    const identifier = change.entity.identifier;
    if (identifier !== undefined) {
      const reference = identifier.startsWith('$') ? changeReference.whole.exec(identifier) : null;
      if (reference) {
        if (!names.has(reference[1]!)) unknownReference(`${at}.entity.identifier`, reference[1]!);
        else if (entityOf(index) === undefined)
          rules.add(
            `${at}.entity.identifier`,
            'reference',
            `${identifier} refers to itself, directly or through other changes`,
          );
      } else rules.string(`${at}.entity.identifier`, identifier, limits.entityIdentifier);
    }
    // One change type per entity, the entity found through references (two changes on one created entity count).
    const entity = entityOf(index);
    if (entity !== undefined) {
      const pair = `${entity}\u0000${change.changeType}`;
      const first = seen.get(pair);
      if (first !== undefined) {
        rules.add(
          `${at}.changeType`,
          'oneChangeTypePerEntity',
          `${change.changeType} on entity ${identifier ?? '(new)'} is already changes[${first}]: one change type per entity per change set`,
        );
      } else seen.set(pair, index);
    }
    rules.string(`${at}.changeName`, change.changeName, limits.changeName);
    rules.tags(`${at}.entityTags`, change.entityTags);
    const details = change.details;
    if (typeof details === 'string' && rules.string(`${at}.details`, details, limits.details)) {
      let parsedDetails: unknown;
      try {
        parsedDetails = JSON.parse(details);
      } catch {
        parsedDetails = undefined;
      }
      if (parsedDetails === null || typeof parsedDetails !== 'object' || Array.isArray(parsedDetails)) {
        rules.add(`${at}.details`, 'jsonObject', 'a string must hold a JSON object (Json); give an array as a value');
      }
    }
    const text = details === undefined ? '' : typeof details === 'string' ? details : JSON.stringify(details);
    if (text.includes('$')) {
      for (const match of text.matchAll(changeReference.inside)) {
        if (!names.has(match[1]!)) unknownReference(`${at}.details`, match[1]!);
      }
    }
  });
  return rules.issues.length > 0 ? err(createValidationError(providerId, 'create', rules.issues)) : ok(request);
}
