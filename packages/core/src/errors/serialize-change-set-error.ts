import type { ChangeSetError } from './change-set-error.js';
import { redactErrorFields } from './redact-error-fields.js';
import { defaultSecretRedactor, type SecretRedactor } from './secret-redactor.js';

/** A summary of an error's cause: enough to debug, never the raw object (which may hold a request with credentials). */
export interface SerializedCause {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
}

/** A ChangeSetError as plain JSON: secrets masked, the cause summarized. */
export type SerializedChangeSetError = Omit<ChangeSetError, 'cause'> & { readonly cause?: SerializedCause };

/** The name, message (redacted) and code of a cause, nothing else of it; undefined for no cause. */
export function summarizeCause(cause: unknown, redactor: SecretRedactor): SerializedCause | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (typeof cause !== 'object') return { message: redactor.redact(String(cause)) };
  const { name, message, code } = cause as { name?: unknown; message?: unknown; code?: unknown };
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof message === 'string' ? { message: redactor.redact(message) } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/**
 * The JSON form of a change-set error: plain data, secrets masked (identifiers such as the client token kept
 * exact), the cause summarized. Errors made by `createChangeSetError` are masked already; this masks again
 * for any other object of the union's shape.
 */
export function serializeChangeSetError(
  error: ChangeSetError,
  redactor: SecretRedactor = defaultSecretRedactor,
): SerializedChangeSetError {
  const { cause, ...rest } = error;
  const summary = summarizeCause(cause, redactor);
  const data = redactErrorFields(rest, redactor);
  return summary ? { ...data, cause: summary } : data;
}
