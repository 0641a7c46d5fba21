import type { ChangeSetError } from './change-set-error.js';
import type { ChangeSetErrorKind } from './change-set-error-kind.js';
import { reviseChangeSetError } from './create-change-set-error.js';

// After these the provider may have acted although the caller heard an error.
const mayHaveActedKinds: ReadonlySet<ChangeSetErrorKind> = new Set([
  'network',
  'timeout',
  'provider-fault',
  'throttled',
  'aborted',
]);

/** True when the call that ended in `error` may have taken effect (the change set may exist). */
export function mayHaveTakenEffect(error: Pick<ChangeSetError, 'kind'>): boolean {
  return mayHaveActedKinds.has(error.kind);
}

/**
 * `error` with the client token its call was sent with, when the call may have taken effect: whoever gets it
 * can re-send the token and the provider's idempotency answers with the change set it made. Other errors
 * (the provider refused) are returned unchanged.
 */
export function withClientToken<E extends ChangeSetError>(error: E, clientToken: string): E {
  if (!mayHaveTakenEffect(error) || error.clientToken === clientToken) return error;
  return reviseChangeSetError(error, { clientToken } as Partial<Omit<E, 'kind'>>);
}
