import { MarketplaceException, type ValidationExceptionReason, type ValidationField } from './marketplace-exception.js';

/** The service counts characters: Unicode code points, not UTF-16 units. */
const characters = (text: string): number => {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
};

export interface ListRule {
  readonly minItems: number;
  readonly maxItems: number;
}

/** The limits of a TagList and its members. */
export interface TagRules {
  readonly list: ListRule;
  readonly key: StringRule;
  readonly value: StringRule;
}

const defaultTagRules: TagRules = {
  list: { minItems: 1, maxItems: 200 },
  key: { min: 1, max: 128, required: true },
  value: { min: 0, max: 256, required: true },
};

export interface StringRule {
  readonly min: number;
  readonly max: number;
  readonly pattern?: RegExp;
  readonly required?: boolean;
}

/**
 * Gathers every rule violation of one request so a ValidationException reports them all at once, as the
 * service does, instead of making the caller fix them one round trip at a time.
 */
export class ViolationCollector {
  readonly fields: ValidationField[] = [];

  add(
    field: string,
    message: string,
    reason: ValidationExceptionReason = 'FieldValidationFailed',
    extra: Pick<ValidationField, 'ChangeType' | 'EntityId' | 'EntityType'> = {},
  ): void {
    this.fields.push({ Field: field, Reason: reason, Message: message, ...extra });
  }

  /** Length first, then pattern: a too-long value is reported once, for its length. */
  string(field: string, value: unknown, rule: StringRule): value is string {
    if (value === undefined || value === null) {
      if (rule.required) this.add(field, `${field} is required`);
      return false;
    }
    if (typeof value !== 'string') {
      this.add(field, `${field} must be a string`, 'CannotParse');
      return false;
    }
    const length = characters(value);
    if (length < rule.min || length > rule.max) {
      this.add(field, `${field} must be ${rule.min} to ${rule.max} characters long (got ${length})`);
      return false;
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      this.add(field, `${field} must match the pattern ${rule.pattern.source}`);
      return false;
    }
    return true;
  }

  /** A TagList (by default the model's: 1-200 tags, Key 1-128, Value 0-256, both required). */
  tags(field: string, tags: unknown, rules: TagRules = defaultTagRules): void {
    if (tags === undefined) return;
    if (!Array.isArray(tags)) {
      this.add(field, `${field} must be a list of tags`, 'CannotParse');
      return;
    }
    if (tags.length < rules.list.minItems || tags.length > rules.list.maxItems) {
      this.add(field, `${field} must hold ${rules.list.minItems} to ${rules.list.maxItems} tags (got ${tags.length})`);
      return;
    }
    tags.forEach((tag: unknown, index) => {
      if (tag === null || typeof tag !== 'object' || Array.isArray(tag)) {
        this.add(`${field}[${index}]`, `${field}[${index}] must be a Tag object`, 'CannotParse');
        return;
      }
      const { Key, Value } = tag as { Key?: unknown; Value?: unknown };
      this.string(`${field}[${index}].Key`, Key, rules.key);
      this.string(`${field}[${index}].Value`, Value, rules.value);
    });
  }

  /** Throws the ValidationException when anything was collected. */
  throwIfAny(): void {
    if (this.fields.length > 0) throw MarketplaceException.validation(this.fields);
  }
}
