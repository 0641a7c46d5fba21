import type { AbortedError } from '../../errors/change-set-error.js';
import { createChangeSetError } from '../../errors/create-change-set-error.js';

/** The error a call returns when its AbortSignal fired. */
export function abortedError(provider: string, operation: string, signal?: AbortSignal): AbortedError {
  const reason = signal?.reason instanceof Error ? signal.reason.message : undefined;
  return createChangeSetError('aborted', {
    provider,
    operation,
    message: reason ? `${operation} was aborted: ${reason}` : `${operation} was aborted`,
  });
}
