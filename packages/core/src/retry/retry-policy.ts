/** How a call that failed with a retryable error is tried again. */
export interface RetryPolicy {
  /** Attempts in all, the first included. 1 disables retries. */
  readonly maxAttempts: number;
  /** The backoff before the second attempt; it doubles each time, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No attempt starts after this much time has passed since the first one. */
  readonly maxElapsedMs: number;
  /** Source of randomness for jitter (0 <= x < 1); injectable for tests. */
  readonly random?: () => number;
}

/** The retry policy used when none is given. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxElapsedMs: 60_000,
};
