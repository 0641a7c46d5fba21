import { inspect } from 'node:util';
import { expect } from 'vitest';

/** Everything a person or a log can be shown of an error: its message, `String`, `inspect`, and both JSON forms. */
export function renderingsOf(error: object & { readonly message: string }): string[] {
  return [
    error.message,
    String(error),
    inspect(error, { depth: 10 }),
    JSON.stringify(error),
    JSON.stringify((error as unknown as { toJSON(): unknown }).toJSON()),
  ];
}

/** Fails when any rendering of `error` contains any of `secrets`. */
export function expectNoneShown(error: object & { readonly message: string }, secrets: readonly string[]): void {
  for (const shown of renderingsOf(error)) for (const secret of secrets) expect(shown).not.toContain(secret);
}
