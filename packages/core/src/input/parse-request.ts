import { err, ok, type Result } from 'neverthrow';
import type { ValidationError } from '../errors/change-set-error.js';
import { createValidationError } from '../errors/create-change-set-error.js';
import type { ValidationIssue } from '../errors/validation-issue.js';
import { type PlainDataLimits, plainDataPath, readPlainData } from './read-plain-data.js';

/** What a runtime schema library's `safeParse` gives (zod's shape), so core depends on none. */
export interface RequestSchema<Output> {
  /** Checks `data`, giving the typed value or the issues. */
  safeParse(data: unknown):
    | { readonly success: true; readonly data: Output }
    | {
        readonly success: false;
        readonly error: {
          readonly issues: readonly {
            readonly path: readonly PropertyKey[];
            readonly code: string;
            readonly message: string;
          }[];
        };
      };
}

/** Who parses: the provider and operation a refusal names. */
export interface ParseRequestContext {
  readonly provider: string;
  readonly operation: string;
  readonly limits?: Partial<PlainDataLimits>;
}

/**
 * Any input, from TypeScript, plain JavaScript or a bot's JSON, into a typed request or one validation
 * error that names each field and rule: first a detached plain-data copy (`readPlainData`, nothing of the
 * caller's runs twice), then the schema (types, required members, unknown keys); the copy is returned. The
 * schema must not transform (no defaults, no coercion). Never throws.
 */
export function parseRequest<Output>(
  schema: RequestSchema<Output>,
  input: unknown,
  context: ParseRequestContext,
): Result<Output, ValidationError> {
  const refuse = (issues: ValidationIssue[]) => err(createValidationError(context.provider, context.operation, issues));
  try {
    const data = readPlainData(input, context.limits);
    if (data.isErr()) return refuse(data.error);
    if (data.value === undefined || data.value === null || typeof data.value !== 'object' || Array.isArray(data.value))
      return refuse([{ path: '(request)', rule: 'type', message: 'a request must be an object' }]);
    const parsed = schema.safeParse(data.value);
    // The checked plain copy itself, not the schema's rebuilt output: the schemas transform nothing, and a
    // rebuilt object would lose a JSON `__proto__` key that the copy keeps as data.
    if (parsed.success) return ok(data.value as Output);
    return refuse(
      parsed.error.issues.map((issue) => ({
        path: plainDataPath(issue.path),
        rule: issue.code === 'invalid_type' || issue.code === 'invalid_union' ? 'type' : issue.code,
        message:
          issue.code === 'invalid_union'
            ? 'Invalid input: not one of the types this field takes (a string, or an object or array where allowed)'
            : issue.message,
      })),
    );
  } catch (error) {
    return refuse([
      {
        path: '(request)',
        rule: 'unreadable',
        message: `the request could not be read: ${error instanceof Error ? error.message : 'a non-Error value'}`,
      },
    ]);
  }
}
