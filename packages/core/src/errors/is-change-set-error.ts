import type { ChangeSetError, ChangeSetErrorOf } from './change-set-error.js';
import { type ChangeSetErrorKind, changeSetErrorKinds } from './change-set-error-kind.js';

const kinds: ReadonlySet<string> = new Set(changeSetErrorKinds);

/** True for any member of the change-set error union (checked structurally, so it works across realms). */
export function isChangeSetError(value: unknown): value is ChangeSetError {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.kind === 'string' &&
    kinds.has(candidate.kind) &&
    typeof candidate.provider === 'string' &&
    typeof candidate.operation === 'string' &&
    typeof candidate.message === 'string' &&
    typeof candidate.retryable === 'boolean'
  );
}

/** A type guard for one kind: `isErrorKind(error, 'locked')` narrows to `LockedError`. */
export function isErrorKind<K extends ChangeSetErrorKind>(value: unknown, kind: K): value is ChangeSetErrorOf<K> {
  return isChangeSetError(value) && value.kind === kind;
}
