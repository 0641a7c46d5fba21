/** `['marketplace', 'changes', 3, 'entity']` -> `marketplace.changes[3].entity` */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let result = '';
  for (const part of path) {
    if (typeof part === 'number') result += `[${part}]`;
    else result += result ? `.${String(part)}` : String(part);
  }
  return result;
}
