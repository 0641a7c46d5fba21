/** One entry of a ValidationException's ValidationExceptionFieldList. */
export interface ValidationField {
  readonly Field: string;
  readonly Reason?: string;
  readonly Message: string;
  readonly ChangeType?: string;
  readonly EntityId?: string;
  readonly EntityType?: string;
}

/** An error the emulator answers with: the exception name, its HTTP status, and its message. */
export class MarketplaceException extends Error {
  constructor(
    readonly exception: string,
    readonly status: number,
    message: string,
    readonly fields?: readonly ValidationField[],
  ) {
    super(message);
  }

  static validation(fields: readonly ValidationField[]): MarketplaceException {
    const summary = fields.map((field) => `${field.Field}: ${field.Message}`).join('; ');
    return new MarketplaceException('ValidationException', 422, summary, fields);
  }
}
