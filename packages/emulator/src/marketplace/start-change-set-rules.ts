import type { ValidationField } from './marketplace-exception.js';

/** A change as received on the wire. */
export interface WireChange {
  ChangeType?: unknown;
  Entity?: { Type?: unknown; Identifier?: unknown };
  EntityTags?: unknown;
  Details?: unknown;
  DetailsDocument?: unknown;
  ChangeName?: unknown;
}

export interface WireStartChangeSet {
  Catalog?: unknown;
  ChangeSet?: unknown;
  ChangeSetName?: unknown;
  ClientRequestToken?: unknown;
  ChangeSetTags?: unknown;
  Intent?: unknown;
}

const referencePattern = /^\$([A-Za-z0-9_-]+)\.Entity\.Identifier$/;

function checkString(
  fields: ValidationField[],
  field: string,
  value: unknown,
  rule: { min: number; max: number; pattern?: RegExp; required?: boolean },
): void {
  if (value === undefined || value === null) {
    if (rule.required) fields.push({ Field: field, Reason: 'REQUIRED', Message: `${field} is required` });
    return;
  }
  if (typeof value !== 'string') {
    fields.push({ Field: field, Reason: 'TYPE', Message: `${field} must be a string` });
    return;
  }
  if (value.length < rule.min || value.length > rule.max) {
    fields.push({
      Field: field,
      Reason: 'LENGTH',
      Message: `${field} must be ${rule.min} to ${rule.max} characters long`,
    });
  } else if (rule.pattern && !rule.pattern.test(value)) {
    fields.push({ Field: field, Reason: 'PATTERN', Message: `${field} must match ${rule.pattern.source}` });
  }
}

function checkTags(fields: ValidationField[], field: string, tags: unknown): void {
  if (tags === undefined) return;
  if (!Array.isArray(tags) || tags.length < 1 || tags.length > 200) {
    fields.push({ Field: field, Reason: 'LENGTH', Message: `${field} must hold 1 to 200 tags` });
    return;
  }
  tags.forEach((tag: { Key?: unknown; Value?: unknown }, index) => {
    checkString(fields, `${field}[${index}].Key`, tag?.Key, { min: 1, max: 128, required: true });
    checkString(fields, `${field}[${index}].Value`, tag?.Value, { min: 0, max: 256, required: true });
  });
}

/**
 * Every rule of the StartChangeSet page and the service model, all violations at once: catalog, 1-20
 * changes, change type/entity/details/name limits, one change type per entity per set (the page's own
 * example), ChangeName references, name and token patterns, tags, intent.
 */
export function startChangeSetViolations(input: WireStartChangeSet): ValidationField[] {
  const fields: ValidationField[] = [];
  checkString(fields, 'Catalog', input.Catalog, { min: 1, max: 64, pattern: /^[a-zA-Z]+$/, required: true });
  checkString(fields, 'ChangeSetName', input.ChangeSetName, { min: 1, max: 100, pattern: /^[\w\s+=.:@-]+$/ });
  // The page says 1-36 of [\w-]; the current model accepts 1-64 printable ASCII: accept what the service accepts.
  checkString(fields, 'ClientRequestToken', input.ClientRequestToken, { min: 1, max: 64, pattern: /^[!-~]+$/ });
  checkTags(fields, 'ChangeSetTags', input.ChangeSetTags);
  if (input.Intent !== undefined && input.Intent !== 'APPLY' && input.Intent !== 'VALIDATE') {
    fields.push({ Field: 'Intent', Reason: 'ENUM', Message: 'Intent must be APPLY or VALIDATE' });
  }
  const changes = input.ChangeSet;
  if (!Array.isArray(changes) || changes.length < 1 || changes.length > 20) {
    fields.push({ Field: 'ChangeSet', Reason: 'LENGTH', Message: 'ChangeSet must hold 1 to 20 changes' });
    if (!Array.isArray(changes)) return fields;
  }
  const names = new Map<string, number>();
  (changes as WireChange[]).forEach((change, index) => {
    if (typeof change?.ChangeName === 'string' && !names.has(change.ChangeName)) names.set(change.ChangeName, index);
  });
  const seenPairs = new Map<string, number>();
  (changes as WireChange[]).forEach((change, index) => {
    const at = `ChangeSet[${index}]`;
    if (change === null || typeof change !== 'object') {
      fields.push({ Field: at, Reason: 'TYPE', Message: `${at} must be an object` });
      return;
    }
    checkString(fields, `${at}.ChangeType`, change.ChangeType, {
      min: 1,
      max: 255,
      pattern: /^[A-Z]\w*$/,
      required: true,
    });
    checkString(fields, `${at}.ChangeName`, change.ChangeName, { min: 1, max: 72 });
    if (typeof change.ChangeName === 'string' && names.get(change.ChangeName) !== index) {
      fields.push({
        Field: `${at}.ChangeName`,
        Reason: 'DUPLICATE',
        Message: `ChangeName ${change.ChangeName} is used twice`,
      });
    }
    if (!change.Entity || typeof change.Entity !== 'object') {
      fields.push({ Field: `${at}.Entity`, Reason: 'REQUIRED', Message: `${at}.Entity is required` });
    } else {
      checkString(fields, `${at}.Entity.Type`, change.Entity.Type, { min: 1, max: 255, required: true });
      const identifier = change.Entity.Identifier;
      const reference = typeof identifier === 'string' ? referencePattern.exec(identifier) : null;
      if (reference) {
        if (!names.has(reference[1]!)) {
          fields.push({
            Field: `${at}.Entity.Identifier`,
            Reason: 'REFERENCE',
            Message: `no change named ${reference[1]} in this change set`,
          });
        }
      } else {
        checkString(fields, `${at}.Entity.Identifier`, identifier, { min: 1, max: 255, pattern: /^[\w\-@]+$/ });
      }
      if (typeof identifier === 'string' && typeof change.ChangeType === 'string') {
        const pair = `${identifier}\u0000${change.ChangeType}`;
        const first = seenPairs.get(pair);
        if (first !== undefined) {
          fields.push({
            Field: `${at}.ChangeType`,
            Reason: 'DUPLICATE_CHANGE_TYPE',
            Message: `You can't start the same change type (${change.ChangeType}) against the same entity (${identifier}) more than once in a change set (see ChangeSet[${first}])`,
            ChangeType: change.ChangeType,
            EntityId: identifier,
          });
        } else seenPairs.set(pair, index);
      }
    }
    checkTags(fields, `${at}.EntityTags`, change.EntityTags);
    if (change.Details !== undefined && change.DetailsDocument !== undefined) {
      fields.push({
        Field: `${at}.Details`,
        Reason: 'EXCLUSIVE',
        Message: 'specify Details or DetailsDocument, not both',
      });
    }
    if (change.Details !== undefined) {
      if (typeof change.Details !== 'string' || change.Details.length < 2 || change.Details.length > 16_384) {
        fields.push({
          Field: `${at}.Details`,
          Reason: 'LENGTH',
          Message: 'Details must be a string of 2 to 16,384 characters',
        });
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(change.Details);
        } catch {
          parsed = undefined;
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          fields.push({ Field: `${at}.Details`, Reason: 'JSON', Message: 'Details must be a JSON object' });
        }
      }
    }
    for (const text of [change.Details, JSON.stringify(change.DetailsDocument ?? null)]) {
      if (typeof text !== 'string') continue;
      for (const match of text.matchAll(/\$([A-Za-z0-9_-]+)\.Entity\.Identifier/g)) {
        if (!names.has(match[1]!)) {
          fields.push({
            Field: `${at}.Details`,
            Reason: 'REFERENCE',
            Message: `no change named ${match[1]} in this change set`,
          });
        }
      }
    }
  });
  return fields;
}
