/**
 * The SDK's `ValidationExceptionReason` enum (3.1142.0): the only values a `Reason` may take.
 */
export type ValidationExceptionReason = 'CannotParse' | 'FieldValidationFailed' | 'Other' | 'UnknownOperation';

/** One entry of a ValidationException's `ValidationExceptionFieldList`, member names as in the SDK model. */
export interface ValidationField {
  /** JSON path of the offending member, e.g. `ChangeSet[1].ChangeType`. */
  readonly Field: string;
  readonly Reason: ValidationExceptionReason;
  /** Names the rule that was broken. */
  readonly Message: string;
  readonly ChangeType?: string;
  readonly EntityId?: string;
  readonly EntityType?: string;
}

/** An error the emulator answers with: the exception name (`x-amzn-ErrorType`), its HTTP status and message. */
export class MarketplaceException extends Error {
  constructor(
    readonly exception: string,
    readonly status: number,
    message: string,
    readonly fields?: readonly ValidationField[],
  ) {
    super(message);
  }

  /** A ValidationException (422) carrying every violation at once; the message summarises them. */
  static validation(fields: readonly ValidationField[]): MarketplaceException {
    const summary = fields.map((field) => `${field.Field}: ${field.Message}`).join('; ');
    return new MarketplaceException('ValidationException', 422, summary, fields);
  }

  static notFound(message: string): MarketplaceException {
    return new MarketplaceException('ResourceNotFoundException', 404, message);
  }

  static inUse(message: string): MarketplaceException {
    return new MarketplaceException('ResourceInUseException', 423, message);
  }
}
