import type { Result } from 'neverthrow';

/**
 * The value of an Ok result; for scripts (benches, soaks, fixtures) where an Err means the setup itself is
 * broken, so stopping with the error's own words is the right thing to do.
 */
export function valueOrThrow<Value, Failure>(result: Result<Value, Failure>, doing: string): Value {
  if (result.isErr()) throw new Error(`${doing} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}
