import type { MarketplaceOperation } from './marketplace-emulator-options.js';

/**
 * The documented per-account request rates (requests per second; a burst of the same size is allowed).
 * ListEntities has no published rate in the brief's sources: 10/s, between DescribeChangeSet and
 * DescribeEntity, is the emulator's choice.
 */
export const documentedRates: Readonly<Record<MarketplaceOperation, number>> = {
  StartChangeSet: 5,
  ListChangeSets: 5,
  DescribeChangeSet: 10,
  CancelChangeSet: 5,
  DescribeEntity: 20,
  ListEntities: 10,
};
