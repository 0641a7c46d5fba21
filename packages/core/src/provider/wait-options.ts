import type { WaiterPolicy } from '../waiter/waiter-policy.js';

/** Options of waitUntilSettled: wait policy overrides and an abort signal. */
export interface WaitOptions extends Partial<WaiterPolicy> {
  readonly signal?: AbortSignal;
}
