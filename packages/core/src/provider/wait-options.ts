import type { WaiterPolicy } from '../waiter/waiter-policy.js';

export interface WaitOptions extends Partial<WaiterPolicy> {
  readonly signal?: AbortSignal;
}
