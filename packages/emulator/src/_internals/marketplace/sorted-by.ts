/**
 * A stable sort by a string key (ISO timestamps sort as strings); equal keys keep their order, so pages
 * stay consistent between calls. DESCENDING reverses the key order, not the tie order.
 */
export function sortedBy<T>(items: readonly T[], key: (item: T) => string, order: 'ASCENDING' | 'DESCENDING'): T[] {
  const sign = order === 'DESCENDING' ? -1 : 1;
  return items
    .map((item, index) => ({ item, index, key: key(item) }))
    .sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.index - b.index))
    .map(({ item }) => item);
}
