import { abortableDelay } from '../_internals/timing/abortable-delay.js';

/**
 * At most `perSecond` calls in any one-second window, first come first served. A sliding window is
 * stricter than the token buckets services use, so paced calls are never throttled, while a burst of up
 * to `perSecond` still goes at once. Providers pace their polling with it (many waiters share the
 * account's DescribeChangeSet rate in turn instead of starving one another); the scheduler paces starts.
 */
export class RequestPacer {
  readonly #perSecond: number;
  readonly #granted: number[] = [];
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<boolean>;

  constructor(
    perSecond: number,
    now: () => number = Date.now,
    sleep: (ms: number, signal?: AbortSignal) => Promise<boolean> = abortableDelay,
  ) {
    this.#perSecond = Number.isFinite(perSecond) && perSecond > 0 ? Math.floor(perSecond) || 1 : 0;
    this.#now = now;
    this.#sleep = sleep;
  }

  /** Resolves true when the caller's turn comes; false when aborted while waiting. */
  async turn(signal?: AbortSignal): Promise<boolean> {
    if (this.#perSecond === 0) return !signal?.aborted;
    const now = this.#now();
    // Slots are handed out in call order: the n-th call goes a second after the (n - perSecond)-th.
    const windowStart =
      this.#granted.length >= this.#perSecond ? this.#granted[this.#granted.length - this.#perSecond]! + 1_000 : now;
    const slot = Math.max(now, windowStart);
    this.#granted.push(slot);
    while (this.#granted.length > this.#perSecond && this.#granted[0]! <= now - 1_000) this.#granted.shift();
    return slot > now ? this.#sleep(slot - now, signal) : !signal?.aborted;
  }
}
