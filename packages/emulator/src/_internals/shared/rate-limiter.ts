/**
 * Token buckets keyed by a string (account and operation): `ratePerSecond` tokens refill each second
 * and a burst of the same size is allowed, as the providers document their per-account rates.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; updatedAt: number }>();
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** Takes one token for `key`; false when the bucket is empty (the request must be throttled). */
  tryTake(key: string, ratePerSecond: number): boolean {
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) return true;
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: ratePerSecond, updatedAt: now };
    bucket.tokens = Math.min(ratePerSecond, bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond);
    bucket.updatedAt = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Milliseconds until `key` has a token again (for Retry-After style headers). */
  retryAfterMs(key: string, ratePerSecond: number): number {
    const bucket = this.#buckets.get(key);
    if (!bucket || bucket.tokens >= 1) return 0;
    return Math.ceil(((1 - bucket.tokens) / ratePerSecond) * 1000);
  }
}
