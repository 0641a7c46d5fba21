/** A provider's rule for idempotency tokens (each adapter defines its own). */
export interface ClientTokenRule {
  /** The request field the rule applies to, for error messages (`clientToken`). */
  readonly field: string;
  readonly maxLength: number;
  readonly pattern: RegExp;
  /** The rule in words: `letters, digits, hyphens and underscores`. */
  readonly charset: string;
}
