import type { ChangeSetError } from './change-set-error.js';
import { redactSecrets } from './redact-secrets.js';

/** A summary of an error's cause: enough to debug, never the raw object (which may hold a request with credentials). */
export interface SerializedCause {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
}

/** A ChangeSetError as plain JSON: secrets masked, the cause summarized. */
export type SerializedChangeSetError = Omit<ChangeSetError, 'cause'> & { readonly cause?: SerializedCause };

function summarizeCause(cause: unknown): SerializedCause | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (typeof cause !== 'object') return { message: redactSecrets(String(cause)) };
  const { name, message, code } = cause as { name?: unknown; message?: unknown; code?: unknown };
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof message === 'string' ? { message: redactSecrets(message) } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item)]));
  }
  return value;
}

/** The JSON form of a change-set error: plain data, secrets masked, the cause summarized. */
export function serializeChangeSetError(error: ChangeSetError): SerializedChangeSetError {
  const { cause, ...rest } = error;
  const summary = summarizeCause(cause);
  const data = redactValue(rest) as Omit<ChangeSetError, 'cause'>;
  return summary ? { ...data, cause: summary } : data;
}
