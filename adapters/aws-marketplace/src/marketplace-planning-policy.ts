import type { PlanningPolicy } from '@changeplane/core';
import { changeReference } from './_internals/change-reference.js';
import { entityIdOf } from './_internals/entity-id.js';
import type { MarketplaceChange } from './marketplace-change-set-request.js';

/**
 * The Marketplace's rules for the planner: 20 changes per StartChangeSet, one change type per entity per
 * set, and changes joined by `$ChangeName.Entity.Identifier` references in one set. An entity is
 * `Type/EntityId` (`prod-abc@1` and `prod-abc` are one entity); a change without an identifier creates its entity and touches nothing existing.
 */
export const marketplacePlanningPolicy: PlanningPolicy<MarketplaceChange> = {
  provider: 'aws-marketplace',
  capacity: 20,
  conflictRule: 'oneChangeTypePerEntity',
  orderKey: (change) =>
    change.entity.identifier ? `${change.entity.type}/${entityIdOf(change.entity.identifier)}` : undefined,
  conflictKey: (change) => change.changeType,
  groupKey: (change) => change.changeName,
  groupLinks: (change) => changeReference.namesIn(change.details, change.entity.identifier),
};
