/** What a rate limiter answers: go ahead, or wait this many seconds. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token buckets per key: `burst` requests at once, refilled at `perSecond`. Buckets that refilled are
 * forgotten (a full bucket is the same as none), and at most `maxKeys` are kept, so a flood of made-up
 * tokens cannot grow memory without bound.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.remember(key, bucket);
      return { allowed: true };
    }
    this.remember(key, bucket);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond)) };
  }

  private refilled(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.burst, updatedAt: now };
    const elapsedSeconds = (now - bucket.updatedAt) / 1000;
    return { tokens: Math.min(this.burst, bucket.tokens + elapsedSeconds * this.perSecond), updatedAt: now };
  }

  private remember(key: string, bucket: Bucket): void {
    this.buckets.delete(key);
    if (this.buckets.size >= this.maxKeys) this.forgetOldest();
    this.buckets.set(key, bucket);
  }

  /** Drops the least recently used tenth: the Map keeps insertion order and `remember` re-inserts. */
  private forgetOldest(): void {
    let drop = Math.max(1, Math.floor(this.maxKeys / 10));
    for (const key of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(key);
    }
  }
}
