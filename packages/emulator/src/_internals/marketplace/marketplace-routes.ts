import type { MarketplaceOperation } from '../../marketplace/marketplace-emulator-options.js';
import type { Route } from '../shared/route.js';
import { batchDescribeEntities } from './batch-describe-entities.js';
import { cancelChangeSet } from './cancel-change-set.js';
import { describeChangeSet } from './describe-change-set.js';
import { describeEntity } from './describe-entity.js';
import { listChangeSets } from './list-change-sets.js';
import { listEntities } from './list-entities.js';
import type { OperationContext } from './operation-context.js';
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy } from './resource-policies.js';
import { listTagsForResource, tagResource, untagResource } from './resource-tags.js';
import { startChangeSet } from './start-change-set.js';

export interface MarketplaceRoute extends Route<OperationContext> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly operation: MarketplaceOperation;
}

/** restJson1 routes of the SDK client 3.1142.0, by path. */
export const marketplaceRoutes: Readonly<Record<string, MarketplaceRoute>> = {
  '/StartChangeSet': { method: 'POST', operation: 'StartChangeSet', handle: startChangeSet },
  '/DescribeChangeSet': { method: 'GET', operation: 'DescribeChangeSet', handle: describeChangeSet },
  '/ListChangeSets': { method: 'POST', operation: 'ListChangeSets', handle: listChangeSets },
  '/CancelChangeSet': { method: 'PATCH', operation: 'CancelChangeSet', handle: cancelChangeSet },
  '/DescribeEntity': { method: 'GET', operation: 'DescribeEntity', handle: describeEntity },
  '/ListEntities': { method: 'POST', operation: 'ListEntities', handle: listEntities },
  '/BatchDescribeEntities': { method: 'POST', operation: 'BatchDescribeEntities', handle: batchDescribeEntities },
  '/TagResource': { method: 'POST', operation: 'TagResource', handle: tagResource },
  '/UntagResource': { method: 'POST', operation: 'UntagResource', handle: untagResource },
  '/ListTagsForResource': { method: 'POST', operation: 'ListTagsForResource', handle: listTagsForResource },
  '/PutResourcePolicy': { method: 'POST', operation: 'PutResourcePolicy', handle: putResourcePolicy },
  '/GetResourcePolicy': { method: 'GET', operation: 'GetResourcePolicy', handle: getResourcePolicy },
  '/DeleteResourcePolicy': { method: 'DELETE', operation: 'DeleteResourcePolicy', handle: deleteResourcePolicy },
};
