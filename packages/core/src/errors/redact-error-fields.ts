import type { SecretRedactor } from './secret-redactor.js';

// Identifiers a caller acts on (a client token re-sent to recover, a request id quoted to support): kept exact.
const identifierFields: ReadonlySet<string> = new Set([
  'kind',
  'provider',
  'operation',
  'code',
  'requestId',
  'changeSetId',
  'clientToken',
  'heldBy',
]);

/** A copy of an error's fields (the cause left out by the caller) with every text field redacted, identifiers kept. */
export function redactErrorFields<T extends object>(fields: T, redactor: SecretRedactor): T {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, identifierFields.has(key) ? value : redactor.redactData(value)]),
  ) as T;
}
