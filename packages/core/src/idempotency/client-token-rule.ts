/** A provider's rule for idempotency tokens. */
export interface ClientTokenRule {
  /** The request field the rule applies to, for error messages (`clientToken`). */
  readonly field: string;
  readonly maxLength: number;
  readonly pattern: RegExp;
  /** The rule in words: `letters, digits, hyphens and underscores`. */
  readonly charset: string;
}

/** ROS ClientToken: up to 64 letters, digits, hyphens and underscores (CreateChangeSet and ExecuteChangeSet pages). */
export const rosClientTokenRule: ClientTokenRule = {
  field: 'clientToken',
  maxLength: 64,
  pattern: /^[A-Za-z0-9_-]+$/,
  charset: 'letters, digits, hyphens (-) and underscores (_)',
};

/**
 * Marketplace ClientRequestToken: the StartChangeSet page says 1-36 of `[\w-]`; the current service model
 * accepts 1-64 printable ASCII. A caller's token is checked against what the service accepts; generated
 * tokens (UUIDs) satisfy both.
 */
export const awsClientRequestTokenRule: ClientTokenRule = {
  field: 'clientToken',
  maxLength: 64,
  pattern: /^[!-~]+$/,
  charset: 'printable ASCII characters without spaces',
};
