import type { ChangeSetError } from '../errors/change-set-error.js';

/** What one poll tells the waiter: stop with the value, keep polling, or stop with an error. */
export type WaiterVerdict = { readonly state: 'done' } | { readonly state: 'pending' } | ChangeSetErrorVerdict;

export interface ChangeSetErrorVerdict {
  readonly state: 'failed';
  readonly error: ChangeSetError;
}
