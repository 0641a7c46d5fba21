import type { StoreError } from '../host/host-store.js';

/** Masks the connection's password in a text. */
export type Redact = (text: string) => string;

/** A store error for a failed statement, with no secret in its message or cause. */
export function storeError(operation: string, cause: unknown, redact: Redact): StoreError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as { code?: unknown } | undefined)?.code;
  return {
    kind: 'store',
    message: redact(`PostgreSQL ${operation} failed${typeof code === 'string' ? ` (${code})` : ''}: ${message}`),
    cause: { message: redact(message), ...(typeof code === 'string' ? { code } : {}) },
  };
}

/** A redactor for the passwords a pool may hold. */
export function passwordRedactor(secrets: readonly (string | undefined)[]): Redact {
  const known = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
  return (text) => known.reduce((masked, secret) => masked.split(secret).join('***'), text);
}

export function passwordOf(connectionString: string | undefined): string | undefined {
  if (!connectionString) return undefined;
  try {
    return decodeURIComponent(new URL(connectionString).password) || undefined;
  } catch {
    return undefined;
  }
}
