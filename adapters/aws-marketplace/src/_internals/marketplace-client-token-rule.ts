import type { ClientTokenRule } from '@changeplane/core/adapter';

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
