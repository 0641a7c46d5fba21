import { checkCatalog } from './catalog-name.js';
import type { StoredChangeSet } from './catalog-records.js';
import { entityIdOf } from './entity-identifier.js';
import { checkFilterList, type ListFilter } from './list-filters.js';
import type { OperationContext } from './operation-context.js';
import { pageOf } from './page-of.js';
import { checkSort } from './sort-rule.js';
import { sortedBy } from './sorted-by.js';
import { ViolationCollector } from './violation-collector.js';

const timeFilters = ['BeforeStartTime', 'AfterStartTime', 'BeforeEndTime', 'AfterEndTime'];
const filterNames = new Set(['ChangeSetName', 'Status', 'EntityId', ...timeFilters]);
/** StartTime and EndTime are documented; the others are emulator conveniences. */
const sortable = ['StartTime', 'EndTime', 'ChangeSetId', 'ChangeSetName', 'Status'];

const sortKey: Record<string, (changeSet: StoredChangeSet) => string> = {
  StartTime: (changeSet) => changeSet.startTime,
  EndTime: (changeSet) => changeSet.endTime ?? '',
  ChangeSetId: (changeSet) => changeSet.id,
  ChangeSetName: (changeSet) => changeSet.name,
  Status: (changeSet) => changeSet.status,
};

/** Filters combine with AND; the values of one filter with OR; time bounds are inclusive. */
function matches(changeSet: StoredChangeSet, { Name, ValueList }: ListFilter): boolean {
  const bound = Date.parse(ValueList[0] ?? '');
  const start = Date.parse(changeSet.startTime);
  const end = changeSet.endTime === undefined ? Number.NaN : Date.parse(changeSet.endTime);
  switch (Name) {
    case 'ChangeSetName':
      return ValueList.includes(changeSet.name);
    case 'Status':
      return ValueList.includes(changeSet.status);
    case 'EntityId':
      // An EntityId matches every revision of the entity.
      return changeSet.changes.some((change) =>
        ValueList.some((value) => entityIdOf(value) === entityIdOf(change.Entity.Identifier)),
      );
    case 'BeforeStartTime':
      return start <= bound;
    case 'AfterStartTime':
      return start >= bound;
    case 'BeforeEndTime':
      return end <= bound;
    default:
      return end >= bound;
  }
}

/** POST /ListChangeSets: the caller's change sets, filtered, sorted (default StartTime ASCENDING), 1-20 a page. */
export function listChangeSets({ state, account, body }: OperationContext): unknown {
  const violations = new ViolationCollector();
  const filters = checkFilterList(body.FilterList, filterNames, violations);
  filters.forEach((filter, index) => {
    if (timeFilters.includes(filter.Name) && Number.isNaN(Date.parse(filter.ValueList[0] ?? ''))) {
      violations.add(`FilterList[${index}].ValueList`, `${filter.Name} takes an ISO 8601 timestamp`);
    }
  });
  const sort = checkSort(body.Sort, sortable, 'StartTime', violations);
  checkCatalog(body.Catalog, violations);

  const matching = state
    .changeSetsOf(account)
    .filter((changeSet) => filters.every((filter) => matches(changeSet, filter)));
  const { page, nextToken } = pageOf(
    sortedBy(matching, sortKey[sort.SortBy] ?? sortKey.StartTime!, sort.SortOrder),
    body,
    20,
    20,
  );
  return {
    ChangeSetSummaryList: page.map((changeSet) => ({
      ChangeSetId: changeSet.id,
      ChangeSetArn: changeSet.arn,
      ChangeSetName: changeSet.name,
      StartTime: changeSet.startTime,
      ...(changeSet.endTime !== undefined ? { EndTime: changeSet.endTime } : {}),
      Status: changeSet.status,
      EntityIdList: [...new Set(changeSet.changes.map((change) => change.Entity.Identifier))],
      ...(changeSet.failureCode !== undefined ? { FailureCode: changeSet.failureCode } : {}),
    })),
    ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
  };
}
