import type { ViolationCollector } from './violation-collector.js';

export interface ListFilter {
  readonly Name: string;
  readonly ValueList: readonly string[];
}

/** A FilterList: 1-8 filters, each a known Name and 1-10 values of 1-255 characters (service model). */
export function checkFilterList(
  filterList: unknown,
  knownNames: ReadonlySet<string>,
  violations: ViolationCollector,
): readonly ListFilter[] {
  if (filterList === undefined) return [];
  if (!Array.isArray(filterList) || filterList.length < 1 || filterList.length > 8) {
    violations.add('FilterList', 'FilterList must hold 1 to 8 filters');
    return [];
  }
  filterList.forEach((filter: { Name?: unknown; ValueList?: unknown } | null, index) => {
    const at = `FilterList[${index}]`;
    if (typeof filter?.Name !== 'string' || !knownNames.has(filter.Name)) {
      violations.add(`${at}.Name`, `Name must be one of ${[...knownNames].join(', ')}`);
    }
    const values = filter?.ValueList;
    if (!Array.isArray(values) || values.length < 1 || values.length > 10) {
      violations.add(`${at}.ValueList`, 'ValueList must hold 1 to 10 values');
    } else {
      values.forEach((value: unknown, position) => {
        violations.string(`${at}.ValueList[${position}]`, value, { min: 1, max: 255, required: true });
      });
    }
  });
  return filterList as ListFilter[];
}
