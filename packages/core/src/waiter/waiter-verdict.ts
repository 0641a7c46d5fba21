import type { ChangeSetError } from '../errors/change-set-error.js';

/** What one poll tells the waiter: stop with the value, keep polling, or stop with an error. */
export type WaiterVerdict = { readonly state: 'done' } | { readonly state: 'pending' } | ChangeSetErrorVerdict;

/** A poll verdict that ends the wait with an error. */
export interface ChangeSetErrorVerdict {
  readonly state: 'failed';
  readonly error: ChangeSetError;
}
