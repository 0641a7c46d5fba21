import type { ValidationIssue } from '../errors/validation-issue.js';

/**
 * A request that passed every rule, as its adapter will send it, with the warnings for the fields it
 * leaves out (a parameter the provider documents as taking effect only in another mode is ignored with a
 * warning, not refused).
 */
export interface CheckedRequest<Request> {
  readonly request: Request;
  readonly warnings: readonly ValidationIssue[];
}
