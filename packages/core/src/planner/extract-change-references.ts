const referencePattern = /\$([A-Za-z0-9_-]+)\./g;

/**
 * The change names a Marketplace change refers to through `$ChangeName.Entity.Identifier`-style
 * placeholders anywhere in its details or identifier.
 */
export function extractChangeReferences(...values: readonly unknown[]): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(referencePattern)) names.add(match[1]!);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item);
    }
  };
  for (const value of values) visit(value);
  return [...names];
}
