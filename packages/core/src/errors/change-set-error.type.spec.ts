import { err, type Result } from 'neverthrow';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ChangeSetError,
  ChangeSetErrorOf,
  LockedError,
  ThrottledError,
  ValidationError,
} from './change-set-error.js';
import type { ChangeSetErrorKind } from './change-set-error-kind.js';
import { createChangeSetError } from './create-change-set-error.js';
import { isErrorKind } from './is-change-set-error.js';

// Type-level tests: they fail at `tsc -p tsconfig.test.json`, which the test command runs.
describe('ChangeSetError (types)', () => {
  it('should narrow on kind', () => {
    const error = {} as ChangeSetError;
    if (error.kind === 'locked') expectTypeOf(error).toEqualTypeOf<LockedError>();
    if (error.kind === 'throttled') expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
    if (error.kind === 'validation') expectTypeOf(error.issues).items.toHaveProperty('rule');
  });

  it('should cover every kind with one member', () => {
    expectTypeOf<ChangeSetError['kind']>().toEqualTypeOf<ChangeSetErrorKind>();
    expectTypeOf<ChangeSetErrorOf<'validation'>>().toEqualTypeOf<ValidationError>();
  });

  it('should type constructors by kind', () => {
    const throttled = createChangeSetError('throttled', { provider: 'p', operation: 'o', message: 'm' });
    expectTypeOf(throttled).toEqualTypeOf<ThrottledError>();
    // @ts-expect-error a locked error must name its entities
    createChangeSetError('locked', { provider: 'p', operation: 'o', message: 'm' });
  });

  it('should narrow through the guard', () => {
    const value: unknown = undefined;
    if (isErrorKind(value, 'locked')) expectTypeOf(value.entities).toEqualTypeOf<readonly string[]>();
  });

  it('should carry the union through Results', () => {
    const result: Result<number, ChangeSetError> = err(
      createChangeSetError('conflict', { provider: 'p', operation: 'o', message: 'm' }),
    );
    expectTypeOf(result.isErr() ? result.error : undefined).toEqualTypeOf<ChangeSetError | undefined>();
    expectTypeOf(result.map((n) => String(n))).toEqualTypeOf<Result<string, ChangeSetError>>();
  });
});
