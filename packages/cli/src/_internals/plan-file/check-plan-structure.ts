import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { formatFieldPath } from './format-field-path.js';
import { planFileLimits } from './plan-file-limits.js';

/** The first structural problem of a parsed YAML document: a duplicate key or nesting past the limit. */
export function checkYamlStructure(root: Node | null): { path: string; message: string; rule: string } | undefined {
  // An explicit stack: a document nested thousands deep must not overflow the call stack.
  const stack: { node: unknown; path: PropertyKey[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (path.length > planFileLimits.maxDepth) return depthProblem(path);
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          return {
            path: formatFieldPath([...path, String(key)]),
            message: `the key ${String(key)} appears twice`,
            rule: 'duplicate_key',
          };
        }
        seen.add(key);
        stack.push({ node: pair.value, path: [...path, String(key)] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        stack.push({ node: item, path: [...path, index] });
      });
    }
  }
  return undefined;
}

/** The first place a JSON value nests past the limit. */
export function checkJsonDepth(root: unknown): { path: string; message: string; rule: string } | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (path.length > planFileLimits.maxDepth) return depthProblem(path);
    if (value === null || typeof value !== 'object') continue;
    for (const [key, item] of Object.entries(value))
      stack.push({ value: item, path: [...path, Array.isArray(value) ? Number(key) : key] });
  }
  return undefined;
}

function depthProblem(path: readonly PropertyKey[]) {
  return {
    path: formatFieldPath(path.slice(0, 8)),
    message: `nested more than ${planFileLimits.maxDepth} levels deep`,
    rule: 'max_depth',
  };
}
