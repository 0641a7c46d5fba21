import type { ChangeSetErrorKind } from './change-set-error-kind.js';
import type { ValidationIssue } from './validation-issue.js';

/** What every change-set error carries, whatever its kind. */
export interface ChangeSetErrorBase<K extends ChangeSetErrorKind> {
  readonly kind: K;
  /** Provider id, such as `alibaba-ros` or `aws-marketplace`. */
  readonly provider: string;
  /** The operation that failed: `create`, `start`, `describe`, `cancel`, `wait`, or a provider API name. */
  readonly operation: string;
  readonly message: string;
  /** True when the same call, made again later with the same client token, may succeed. */
  readonly retryable: boolean;
  /** The provider's own error code or exception name, where there is one. */
  readonly code?: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  /** How many attempts were made before this error was returned, when the call was retried. */
  readonly attempts?: number;
  /** The change set the error is about, when the provider made one (one that failed to be created). */
  readonly changeSetId?: string;
  /**
   * The idempotency token the failed call was sent with, set when the call may have taken effect (network,
   * timeout, provider fault, throttled after retries, aborted): re-sending it finds the change set if it exists.
   */
  readonly clientToken?: string;
  /** The original failure, for debugging. Never serialized as is: see `serializeChangeSetError`. */
  readonly cause?: unknown;
}

export interface ValidationError extends ChangeSetErrorBase<'validation'> {
  readonly issues: readonly ValidationIssue[];
}

export interface LockedError extends ChangeSetErrorBase<'locked'> {
  /** The entities (or stacks) that are busy. */
  readonly entities: readonly string[];
  /** The change set or lock holder that has them, where known. */
  readonly heldBy?: string;
}

export interface ConflictError extends ChangeSetErrorBase<'conflict'> {}

export interface NotFoundError extends ChangeSetErrorBase<'not-found'> {
  /** What was not found, such as `change set 1f65...` or `stack MyStack`. */
  readonly resource?: string;
}

export interface ThrottledError extends ChangeSetErrorBase<'throttled'> {
  /** How long the provider asked to wait, where it said. */
  readonly retryAfterMs?: number;
}

export interface QuotaExceededError extends ChangeSetErrorBase<'quota-exceeded'> {
  /** The limit that was hit, such as `20 change sets per stack`. */
  readonly limit?: string;
}

export interface AccessDeniedError extends ChangeSetErrorBase<'access-denied'> {}
export interface AuthenticationError extends ChangeSetErrorBase<'authentication'> {}
export interface ProviderFaultError extends ChangeSetErrorBase<'provider-fault'> {}
export interface NetworkError extends ChangeSetErrorBase<'network'> {}

export interface TimeoutError extends ChangeSetErrorBase<'timeout'> {
  readonly elapsedMs: number;
  /** The last status seen before giving up, where there was one. */
  readonly lastStatus?: string;
}

export interface AbortedError extends ChangeSetErrorBase<'aborted'> {}

/** The one error type of every public change-set operation: a discriminated union on `kind`. */
export type ChangeSetError =
  | ValidationError
  | LockedError
  | ConflictError
  | NotFoundError
  | ThrottledError
  | QuotaExceededError
  | AccessDeniedError
  | AuthenticationError
  | ProviderFaultError
  | NetworkError
  | TimeoutError
  | AbortedError;

/** The member of the union with the given kind. */
export type ChangeSetErrorOf<K extends ChangeSetErrorKind> = Extract<ChangeSetError, { kind: K }>;
