import type { RetryPolicy } from '../../retry/retry-policy.js';

/**
 * The wait before retry number `retry` (1 for the first retry): "full jitter" exponential backoff,
 * never shorter than what the provider asked for with a Retry-After.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, retryAfterMs = 0): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const random = policy.random ?? Math.random;
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs);
}
