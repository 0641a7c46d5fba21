import type { ChangeSetErrorOf } from './change-set-error.js';
import type { ChangeSetErrorKind } from './change-set-error-kind.js';
import { redactErrorFields } from './redact-error-fields.js';
import { defaultSecretRedactor, type SecretRedactor } from './secret-redactor.js';
import { serializeChangeSetError, summarizeCause } from './serialize-change-set-error.js';
import type { ValidationIssue } from './validation-issue.js';

/** The fields a caller gives when building an error of kind K; `retryable` defaults by kind. */
export type ChangeSetErrorFields<K extends ChangeSetErrorKind> = Omit<ChangeSetErrorOf<K>, 'kind' | 'retryable'> & {
  readonly retryable?: boolean;
};

// Transient by nature: a later identical call (same client token) may succeed.
const retryableByDefault: ReadonlySet<ChangeSetErrorKind> = new Set(['throttled', 'provider-fault', 'network']);

// Where an error keeps the redactor it was made with (non-enumerable: no output shows it), for revisions.
const redactorKey = Symbol('changeplane.secretRedactor');

/**
 * Builds a change-set error, masked where it is made: `redactor` (the credentials of the provider instance
 * or connection that failed, plus credential-shaped text) masks the message and every other text field,
 * and the cause is kept only as its summary (name, masked message, code), never the raw object with its
 * request. So `message`, `String(error)`, `util.inspect(error)`, `JSON.stringify(error)` and `toJSON()` show no
 * secret. The result is plain data with a non-enumerable `toJSON` and `toString`. Identifiers (code, request id, client token, change
 * set id) are kept exact.
 */
export function createChangeSetError<K extends ChangeSetErrorKind>(
  kind: K,
  fields: ChangeSetErrorFields<K>,
  redactor: SecretRedactor = defaultSecretRedactor,
): ChangeSetErrorOf<K> {
  const { cause, ...rest } = withoutUndefined(fields) as ChangeSetErrorFields<K> & { cause?: unknown };
  const summary = summarizeCause(cause, redactor);
  const error = {
    kind,
    retryable: fields.retryable ?? retryableByDefault.has(kind),
    ...redactErrorFields(rest, redactor),
    ...(summary ? { cause: summary } : {}),
  } as unknown as ChangeSetErrorOf<K>;
  // A caller that spreads another error into `fields` must not change the kind asked for.
  (error as { kind: K }).kind = kind;
  Object.defineProperty(error, 'toJSON', {
    value: () => serializeChangeSetError(error, redactor),
    enumerable: false,
  });
  // `String(error)` and template literals read as a sentence, built from the already masked fields.
  Object.defineProperty(error, 'toString', {
    value: () =>
      `${error.provider} ${error.operation} ${error.kind}${error.code ? ` ${error.code}` : ''}: ${error.message}`,
    enumerable: false,
  });
  Object.defineProperty(error, redactorKey, { value: redactor, enumerable: false });
  return error;
}

/** `createChangeSetError` bound to one redactor, for a mapper that makes many errors of one provider instance. */
export function changeSetErrorFactory(
  redactor: SecretRedactor = defaultSecretRedactor,
): <K extends ChangeSetErrorKind>(kind: K, fields: ChangeSetErrorFields<K>) => ChangeSetErrorOf<K> {
  return (kind, fields) => createChangeSetError(kind, fields, redactor);
}

/** A validation error listing every issue, with a message that names each field and rule. */
export function createValidationError(
  provider: string,
  operation: string,
  issues: readonly ValidationIssue[],
  redactor: SecretRedactor = defaultSecretRedactor,
): ChangeSetErrorOf<'validation'> {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.map((issue) => `${issue.path}: ${issue.message} (${issue.rule})`);
  return createChangeSetError(
    'validation',
    {
      provider,
      operation,
      message: `invalid ${operation} request, ${count}: ${lines.join('; ')}`,
      issues,
    },
    redactor,
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** A copy of `error` with some fields changed, masked by the redactor it was made with, keeping its safe `toJSON`. */
export function reviseChangeSetError<E extends ChangeSetErrorOf<ChangeSetErrorKind>>(
  error: E,
  patch: Partial<Omit<E, 'kind'>>,
): E {
  const { kind, ...fields } = { ...error, ...patch };
  const redactor = (error as { [redactorKey]?: SecretRedactor })[redactorKey];
  return createChangeSetError(kind, fields as never, redactor) as E;
}
