/** One broken rule of a request: where (`changes[3].entity.identifier`), which rule, and why. */
export interface ValidationIssue {
  /** Path of the offending field in the caller's request (or the provider's name for it). */
  readonly path: string;
  /** Short machine-readable rule name, such as `maxLength`, `pattern`, `required`, `oneOf`. */
  readonly rule: string;
  /** A sentence a person can act on. */
  readonly message: string;
}
