import { err, type Result } from 'neverthrow';
import { backoffDelay } from '../_internals/retry/backoff-delay.js';
import { abortableDelay } from '../_internals/timing/abortable-delay.js';
import { abortedError } from '../_internals/timing/aborted-error.js';
import type { ChangeSetError } from '../errors/change-set-error.js';
import { reviseChangeSetError } from '../errors/create-change-set-error.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';

/** What retryAttempts needs besides the attempt: names for its errors, the policy, abort and a retry hook. */
export interface RetryContext {
  readonly provider: string;
  readonly operation: string;
  readonly policy?: Partial<RetryPolicy>;
  readonly signal?: AbortSignal;
  /** Called before each wait: for logs and progress output. */
  readonly onRetry?: (error: ChangeSetError, attempt: number, delayMs: number) => void;
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or the policy's attempts or time run
 * out. Only errors marked `retryable` are retried; the caller makes each attempt idempotent (the same client
 * token every time). The last error is returned with `attempts` set. An attempt may give a native promise or a
 * ResultAsync (both are PromiseLike); the answer is a plain promise of the Result, for an `await`.
 */
export async function retryAttempts<T>(
  attempt: (attemptNumber: number) => PromiseLike<Result<T, ChangeSetError>>,
  context: RetryContext,
): Promise<Result<T, ChangeSetError>> {
  const startedAt = Date.now();
  // Merged at the first failure: a call that succeeds at once (nearly all) never needs it.
  let policy: RetryPolicy | undefined;
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    if (context.signal?.aborted) return err(abortedError(context.provider, context.operation, context.signal));
    const result = await attempt(attemptNumber);
    if (result.isOk()) return result;
    policy ??= { ...defaultRetryPolicy, ...context.policy };
    const error = result.error;
    const retryAfterMs = error.kind === 'throttled' ? error.retryAfterMs : undefined;
    const delayMs = backoffDelay(attemptNumber, policy, retryAfterMs);
    const outOfAttempts = attemptNumber >= policy.maxAttempts;
    const outOfTime = Date.now() - startedAt + delayMs > policy.maxElapsedMs;
    if (!error.retryable || outOfAttempts || outOfTime) {
      return err(attemptNumber > 1 ? reviseChangeSetError(error, { attempts: attemptNumber }) : error);
    }
    context.onRetry?.(error, attemptNumber, delayMs);
    const elapsed = await abortableDelay(delayMs, context.signal);
    if (!elapsed) return err(abortedError(context.provider, context.operation, context.signal));
  }
}
