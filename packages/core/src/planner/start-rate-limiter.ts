import { abortableDelay } from '../timing/abortable-delay.js';

/**
 * At most `perSecond` starts in any one-second window (the Marketplace documents StartChangeSet at 5 per
 * second per account). A sliding window is stricter than a token bucket, so it stays within the limit
 * however the service measures it.
 */
export class StartRateLimiter {
  readonly #recent: number[] = [];
  readonly #perSecond: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<boolean>;

  constructor(
    perSecond: number,
    now: () => number = Date.now,
    sleep: (ms: number, signal?: AbortSignal) => Promise<boolean> = abortableDelay,
  ) {
    this.#perSecond = perSecond;
    this.#now = now;
    this.#sleep = sleep;
  }

  /** Resolves true when a start may go, false when aborted while waiting. */
  async take(signal?: AbortSignal): Promise<boolean> {
    if (!Number.isFinite(this.#perSecond) || this.#perSecond <= 0) return !signal?.aborted;
    for (;;) {
      const now = this.#now();
      while (this.#recent.length > 0 && this.#recent[0]! <= now - 1_000) this.#recent.shift();
      if (this.#recent.length < this.#perSecond) {
        this.#recent.push(now);
        return true;
      }
      if (!(await this.#sleep(this.#recent[0]! + 1_000 - now, signal))) return false;
    }
  }
}
