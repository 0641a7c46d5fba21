import type { ChangeSetErrorOf } from './change-set-error.js';
import type { ChangeSetErrorKind } from './change-set-error-kind.js';
import { serializeChangeSetError } from './serialize-change-set-error.js';
import type { ValidationIssue } from './validation-issue.js';

/** The fields a caller gives when building an error of kind K; `retryable` defaults by kind. */
export type ChangeSetErrorFields<K extends ChangeSetErrorKind> = Omit<ChangeSetErrorOf<K>, 'kind' | 'retryable'> & {
  readonly retryable?: boolean;
};

// Transient by nature: a later identical call (same client token) may succeed.
const retryableByDefault: ReadonlySet<ChangeSetErrorKind> = new Set(['throttled', 'provider-fault', 'network']);

/**
 * Builds a change-set error. The result is plain data with a non-enumerable `toJSON`, so
 * `JSON.stringify(error)` is always safe to log: secrets masked, cause summarized.
 */
export function createChangeSetError<K extends ChangeSetErrorKind>(
  kind: K,
  fields: ChangeSetErrorFields<K>,
): ChangeSetErrorOf<K> {
  const error = {
    kind,
    retryable: fields.retryable ?? retryableByDefault.has(kind),
    ...withoutUndefined(fields),
  } as unknown as ChangeSetErrorOf<K>;
  // A caller that spreads another error into `fields` must not change the kind asked for.
  (error as { kind: K }).kind = kind;
  Object.defineProperty(error, 'toJSON', {
    value: () => serializeChangeSetError(error),
    enumerable: false,
  });
  return error;
}

/** A validation error listing every issue, with a message that names each field and rule. */
export function createValidationError(
  provider: string,
  operation: string,
  issues: readonly ValidationIssue[],
): ChangeSetErrorOf<'validation'> {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.map((issue) => `${issue.path}: ${issue.message} (${issue.rule})`);
  return createChangeSetError('validation', {
    provider,
    operation,
    message: `invalid ${operation} request, ${count}: ${lines.join('; ')}`,
    issues,
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** A copy of `error` with some fields changed, keeping its safe `toJSON`. */
export function reviseChangeSetError<E extends ChangeSetErrorOf<ChangeSetErrorKind>>(
  error: E,
  patch: Partial<Omit<E, 'kind'>>,
): E {
  const { kind, ...fields } = { ...error, ...patch };
  return createChangeSetError(kind, fields as never) as E;
}
