import type { z } from 'zod';
import type { SeedCheck, SeedIssue } from '../../shared/seed-issue.js';

/** `['entities', 0, 'type']` -> `entities[0].type`. */
function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** A seed read through its zod schema: the typed seed, or every issue named by its path. */
export function checkSeed<Seed>(schema: z.ZodType<Seed>, value: unknown): SeedCheck<Seed> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return { ok: true, seed: parsed.data };
  const issues: SeedIssue[] = parsed.error.issues.map((issue) => ({
    path: issuePath(issue.path),
    message: issue.message,
  }));
  return { ok: false, issues };
}
