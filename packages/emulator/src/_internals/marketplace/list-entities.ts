import { checkCatalog } from './catalog-name.js';
import type { StoredEntity } from './catalog-records.js';
import { baseEntityType, entityIdOf } from './entity-identifier.js';
import { checkFilterList } from './list-filters.js';
import type { OperationContext } from './operation-context.js';
import { pageOf } from './page-of.js';
import { checkSort } from './sort-rule.js';
import { sortedBy } from './sorted-by.js';
import { ViolationCollector } from './violation-collector.js';

const sortKey: Record<string, (entity: StoredEntity) => string> = {
  LastModifiedDate: (entity) => entity.lastModified,
  EntityId: (entity) => entity.id,
  Name: (entity) => entity.name,
};

/** A Details `Visibility` when the entity has one; new listings start Limited. */
const visibilityOf = (entity: StoredEntity) => {
  const visibility = (entity.details as { Visibility?: unknown } | null)?.Visibility;
  return typeof visibility === 'string' ? visibility : 'Limited';
};

/**
 * POST /ListEntities: the caller's entities of one EntityType (required), FilterList `EntityId` (the one
 * documented filter for this operation), Sort by LastModifiedDate (default), EntityId or Name, 1-50 a page.
 * The typed EntityTypeFilters / EntityTypeSort and OwnershipType are accepted and ignored.
 */
export function listEntities({ state, account, body }: OperationContext): unknown {
  const violations = new ViolationCollector();
  violations.string('EntityType', body.EntityType, { min: 1, max: 255, required: true });
  const filters = checkFilterList(body.FilterList, new Set(['EntityId']), violations);
  const sort = checkSort(body.Sort, Object.keys(sortKey), 'LastModifiedDate', violations);
  checkCatalog(body.Catalog, violations);

  const type = baseEntityType(String(body.EntityType));
  const matching = state.entities
    .of(account)
    .filter((entity) => baseEntityType(entity.type) === type)
    .filter((entity) => filters.every((filter) => filter.ValueList.some((value) => entityIdOf(value) === entity.id)));
  const { page, nextToken } = pageOf(
    sortedBy(matching, sortKey[sort.SortBy] ?? sortKey.LastModifiedDate!, sort.SortOrder),
    body,
    20,
    50,
  );
  return {
    EntitySummaryList: page.map((entity) => ({
      Name: entity.name,
      EntityType: entity.type,
      EntityId: entity.id,
      EntityArn: entity.arn,
      LastModifiedDate: entity.lastModified,
      Visibility: visibilityOf(entity),
    })),
    ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
  };
}
