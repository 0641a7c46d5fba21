import type { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import type { EntityLockStore } from '@changeplane/core';
import type { RequestPacer, SecretRedactor } from '@changeplane/core/adapter';
import type { AwsMarketplaceProviderOptions } from '../aws-marketplace-provider-options.js';
import type { ChangeSetSettleWatcher } from './change-set-settle-watcher.js';
import type { HeldLeases } from './held-leases.js';

/** What the operations of one provider share: its client, options, locks, pacing and held leases. */
export interface MarketplaceSession {
  readonly client: MarketplaceCatalogClient;
  readonly options: AwsMarketplaceProviderOptions;
  /** Masks this provider's credentials in every error it makes. */
  readonly redactor: SecretRedactor;
  readonly locks: EntityLockStore;
  readonly region: string;
  readonly account: string;
  /** DescribeChangeSet calls of this provider, paced to its per-account rate. */
  readonly describePacer: RequestPacer;
  /** The one settle watcher of a catalog (ListChangeSets for every waiter). */
  readonly settleWatcher: (catalog: string) => ChangeSetSettleWatcher;
  /** Leases of started change sets, kept until they settle. */
  readonly held: HeldLeases;
}
