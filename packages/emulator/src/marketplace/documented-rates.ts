import type { MarketplaceOperation } from './marketplace-emulator-options.js';

/**
 * The per-account request rates of the Catalog API's service-quotas page (requests per second; a burst of the
 * same size is allowed): https://docs.aws.amazon.com/marketplace/latest/APIReference/catalog-service-quotas.html
 * BatchDescribeEntities is not on that page: 5/s, the rate of every other operation added with it, is the
 * emulator's choice (docs/provider-notes.md).
 */
export const documentedRates: Readonly<Record<MarketplaceOperation, number>> = {
  StartChangeSet: 5,
  ListChangeSets: 5,
  DescribeChangeSet: 10,
  CancelChangeSet: 5,
  DescribeEntity: 20,
  ListEntities: 10,
  BatchDescribeEntities: 5,
  TagResource: 5,
  UntagResource: 5,
  ListTagsForResource: 5,
  PutResourcePolicy: 5,
  GetResourcePolicy: 5,
  DeleteResourcePolicy: 5,
};

/**
 * "Maximum number of open StartChangeSet requests per account": 250 (the same page). The emulator counts
 * APPLY change sets in PREPARING or APPLYING; VALIDATE dry runs do not count (docs/provider-notes.md).
 */
export const documentedOpenChangeSetsPerAccount = 250;
