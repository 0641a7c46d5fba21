/** How deliveries are retried: bounded attempts, exponential backoff with jitter. */
export interface RetryPolicy {
  /** Attempts in all before a delivery is `failed` (default 8). */
  readonly maxAttempts: number;
  /** The first retry's delay before jitter (default 1 s); each next one doubles, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  /** Default 1 hour. */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 3_600_000 };

/**
 * The delay before the next attempt after `attemptsMade` attempts, or `undefined` when none is left. The jitter
 * ("equal jitter": half fixed, half random) keeps receivers that came back from being hit by every sender at once.
 */
export function retryDelayMs(policy: RetryPolicy, attemptsMade: number, random = Math.random): number | undefined {
  if (attemptsMade >= policy.maxAttempts) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptsMade - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
