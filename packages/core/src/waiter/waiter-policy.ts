/** How a waiter polls: smithy's waiter policy (exponential delay with jitter between min and max, a total bound). */
export interface WaiterPolicy {
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  /** Give up (kind `timeout`) once this much time has passed. */
  readonly maxWaitMs: number;
  /** Source of randomness for jitter (0 <= x < 1); injectable for tests. */
  readonly random?: () => number;
}

/** The wait policy used when none is given. */
export const defaultWaiterPolicy: WaiterPolicy = {
  minDelayMs: 2_000,
  maxDelayMs: 30_000,
  maxWaitMs: 30 * 60_000,
};
