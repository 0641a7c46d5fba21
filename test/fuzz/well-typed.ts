/**
 * Hand-written type predicates, independent of the adapters' zod schemas: the fuzz tests' second opinion
 * on "this accepted request is well-typed". Plain objects and arrays only, known members only.
 */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

export const hasOnly = (value: Record<string, unknown>, members: readonly string[]): boolean =>
  Object.keys(value).every((key) => members.includes(key) || value[key] === undefined);

export const optional = (value: unknown, check: (value: unknown) => boolean): boolean =>
  value === undefined || check(value);

export const isString = (value: unknown): value is string => typeof value === 'string';

export const isArrayOf = (value: unknown, check: (item: unknown) => boolean): boolean =>
  Array.isArray(value) &&
  Array.from({ length: value.length }, (_, index) => index).every((index) => index in value && check(value[index]));

/** JSON data: no cycles (bounded depth), finite numbers, plain objects and dense arrays. */
export const isJson = (value: unknown, depth = 0): boolean => {
  if (depth > 100) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return isArrayOf(value, (item) => isJson(item, depth + 1));
  return isPlainObject(value) && Object.values(value).every((item) => item === undefined || isJson(item, depth + 1));
};
