import type { RetryPolicy } from '../retry/retry-policy.js';

/** Options every provider call takes. */
export interface CallOptions {
  /** Aborts the call; the result is then an `aborted` error. */
  readonly signal?: AbortSignal;
  /** Overrides of the provider's retry policy for this call. */
  readonly retry?: Partial<RetryPolicy>;
}
