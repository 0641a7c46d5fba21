import { createHash } from 'node:crypto';

/**
 * The content hash of a plan: sha256 (hex) of its canonical JSON (object keys sorted at every depth), so
 * the same plan read from YAML or JSON, or with keys in another order, has the same hash. Strings are
 * hashed as they are (a plan file's text).
 */
export function planContentHash(plan: unknown): string {
  const text = typeof plan === 'string' ? plan : canonicalJson(plan);
  return createHash('sha256').update(text).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
