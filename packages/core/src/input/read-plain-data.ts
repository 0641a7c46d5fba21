import { err, ok, type Result } from 'neverthrow';
import type { ValidationIssue } from '../errors/validation-issue.js';

/** JSON data as plain objects and arrays: what a schema can check without running any of the caller's code. */
export type PlainData = string | number | boolean | null | PlainData[] | { [key: string]: PlainData };

/** Bounds on what `readPlainData` copies. */
export interface PlainDataLimits {
  /** Deepest nesting of objects and arrays (the root object is depth 1). */
  readonly maxDepth: number;
  /** Most values in total (objects, arrays and leaves). */
  readonly maxNodes: number;
  /** Most issues reported; the rest are summarized in one. */
  readonly maxIssues: number;
}

const defaultLimits: PlainDataLimits = { maxDepth: 100, maxNodes: 1_000_000, maxIssues: 50 };
const identifier = /^[A-Za-z_$][\w$]*$/;

/** `changes[0].entity["odd key"]`: how a validation issue names a place in the caller's request. */
export function plainDataPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else {
      const key = String(segment);
      path += identifier.test(key) ? (path === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return path === '' ? '(request)' : path;
}

/** One walk of `readPlainData`: its limits, the issues found, and the path of the value being read. */
class PlainDataReader {
  readonly issues: ValidationIssue[] = [];
  dropped = 0;
  readonly #limits: PlainDataLimits;
  readonly #ancestors = new Set<object>();
  // The path of the value being read: one stack, pushed and popped as the walk goes, made into text only
  // when an issue names it (no array copied per value read).
  readonly #path: PropertyKey[] = [];
  #nodes = 0;

  constructor(limits: PlainDataLimits) {
    this.#limits = limits;
  }

  /** Forgets the path (after a throw unwound the walk). */
  resetPath(): void {
    this.#path.length = 0;
  }

  issue(rule: string, message: string): void {
    if (this.issues.length < this.#limits.maxIssues) {
      this.issues.push({ path: plainDataPath(this.#path), rule, message });
    } else this.dropped += 1;
  }

  /** An issue at a member of the value being read. */
  #issueAt(key: PropertyKey, rule: string, message: string): void {
    this.#path.push(key);
    this.issue(rule, message);
    this.#path.pop();
  }

  read(value: unknown, depth: number): PlainData | undefined {
    this.#nodes += 1;
    const { maxNodes, maxDepth } = this.#limits;
    if (this.#nodes > maxNodes) {
      if (this.#nodes === maxNodes + 1) this.issue('size', `more than ${maxNodes} values in all`);
      return undefined;
    }
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        if (Number.isFinite(value)) return value;
        this.issue('type', `${String(value)} is not a JSON number`);
        return undefined;
      case 'undefined':
        return undefined;
      case 'bigint':
        this.issue('type', 'a BigInt is not JSON data: give a number or a string');
        return undefined;
      case 'symbol':
      case 'function':
        this.issue('type', `a ${typeof value} is not JSON data`);
        return undefined;
    }
    if (value === null) return null;
    const object = value as object;
    if (depth >= maxDepth) {
      this.issue('depth', `nested deeper than ${maxDepth} levels`);
      return undefined;
    }
    if (this.#ancestors.has(object)) {
      this.issue('circular', 'refers to an object that contains it: a cycle is not JSON data');
      return undefined;
    }
    this.#ancestors.add(object);
    // Where the path stands at this value: a member that throws leaves its key pushed, and is cut back here.
    const at = this.#path.length;
    try {
      if (Array.isArray(object)) return this.#readArray(object, depth);
      const prototype = Object.getPrototypeOf(object) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        const name = (object as { constructor?: { name?: unknown } }).constructor?.name;
        this.issue('type', `must be plain data, got ${typeof name === 'string' ? name : 'a class instance'}`);
        return undefined;
      }
      const copy: Record<string, PlainData> = {};
      for (const key of Object.keys(object)) {
        if (key === '__proto__') {
          // Schema libraries and object spreads treat it as the prototype, not data: refused, never half-read.
          this.#issueAt(key, 'key', 'a member named __proto__ is refused');
          continue;
        }
        this.#path.push(key);
        const item = this.read((object as Record<string, unknown>)[key], depth + 1);
        this.#path.pop();
        // A plain assignment is safe: `__proto__`, the one key an assignment treats as more than data, is refused above.
        if (item !== undefined) copy[key] = item;
      }
      return copy;
    } catch (error) {
      this.#path.length = at;
      this.issue('unreadable', `reading it threw: ${error instanceof Error ? error.message : 'a non-Error value'}`);
      return undefined;
    } finally {
      this.#ancestors.delete(object);
    }
  }

  #readArray(array: readonly unknown[], depth: number): PlainData[] | undefined {
    const length = array.length;
    if (length > this.#limits.maxNodes - this.#nodes) {
      this.issue('size', `${length} items is more than ${this.#limits.maxNodes} values in all`);
      return undefined;
    }
    const copy: PlainData[] = [];
    for (let index = 0; index < length; index += 1) {
      if (!(index in array)) {
        this.#issueAt(index, 'hole', 'an array with a hole: every item must be given');
        continue;
      }
      const raw = array[index];
      if (raw === undefined) {
        this.#issueAt(index, 'type', 'undefined is not JSON data');
        continue;
      }
      this.#path.push(index);
      const item = this.read(raw, depth + 1);
      this.#path.pop();
      if (item !== undefined) copy.push(item);
    }
    return copy;
  }
}

/**
 * Reads any value a JavaScript caller or a bot can hand over into a detached copy of plain JSON data, and
 * never throws: getters and proxies that throw, cycles, BigInt, symbols, functions, non-finite numbers,
 * holes and `undefined` in arrays, class instances (Date, Map, ...), a `__proto__` member, and nesting deeper
 * than `maxDepth` are issues naming the path. An object property whose value is `undefined` is absent, as in JSON. Nothing of
 * the caller's is read twice: the copy is what gets checked and what gets sent.
 */
export function readPlainData(
  input: unknown,
  limits?: Partial<PlainDataLimits>,
): Result<PlainData | undefined, ValidationIssue[]> {
  const reader = new PlainDataReader(limits ? { ...defaultLimits, ...limits } : defaultLimits);
  let data: PlainData | undefined;
  try {
    data = reader.read(input, 0);
  } catch (error) {
    // Only a stack overflow or an exotic host object gets here; still an issue, never a throw.
    reader.resetPath();
    reader.issue('unreadable', `reading it threw: ${error instanceof Error ? error.message : 'a non-Error value'}`);
  }
  const issues = reader.issues;
  if (reader.dropped > 0) {
    issues.push({ path: '(request)', rule: 'tooManyIssues', message: `and ${reader.dropped} more issues` });
  }
  return issues.length > 0 ? err(issues) : ok(data);
}
