import { MarketplaceException, type ValidationExceptionReason, type ValidationField } from './marketplace-exception.js';

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
    if (value.length < rule.min || value.length > rule.max) {
      this.add(field, `${field} must be ${rule.min} to ${rule.max} characters long (got ${value.length})`);
      return false;
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      this.add(field, `${field} must match the pattern ${rule.pattern.source}`);
      return false;
    }
    return true;
  }

  /** A TagList: 1-200 tags, Key 1-128, Value 0-256 (service model). */
  tags(field: string, tags: unknown): void {
    if (tags === undefined) return;
    if (!Array.isArray(tags)) {
      this.add(field, `${field} must be a list of tags`, 'CannotParse');
      return;
    }
    if (tags.length < 1 || tags.length > 200) {
      this.add(field, `${field} must hold 1 to 200 tags (got ${tags.length})`);
      return;
    }
    tags.forEach((tag: { Key?: unknown; Value?: unknown } | null, index) => {
      this.string(`${field}[${index}].Key`, tag?.Key, { min: 1, max: 128, required: true });
      this.string(`${field}[${index}].Value`, tag?.Value, { min: 0, max: 256, required: true });
    });
  }

  /** Throws the ValidationException when anything was collected. */
  throwIfAny(): void {
    if (this.fields.length > 0) throw MarketplaceException.validation(this.fields);
  }
}
