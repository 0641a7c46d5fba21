import type { WaiterPolicy } from '../../waiter/waiter-policy.js';

/**
 * The pause before poll number `attempt + 1`, as smithy's waiters compute it: a random delay between
 * `minDelayMs` and an exponentially growing ceiling, and `maxDelayMs` once the ceiling passes it.
 */
export function waiterDelay(attempt: number, policy: WaiterPolicy): number {
  const { minDelayMs, maxDelayMs } = policy;
  const attemptCeiling = Math.log(maxDelayMs / minDelayMs) / Math.log(2) + 1;
  if (attempt > attemptCeiling) return maxDelayMs;
  const ceiling = minDelayMs * 2 ** (attempt - 1);
  const random = policy.random ?? Math.random;
  return Math.round(minDelayMs + random() * (ceiling - minDelayMs));
}
