import type { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import type { AwsMarketplaceProviderOptions } from '../aws-marketplace-provider-options.js';
import { ChangeSetSettleWatcher } from './change-set-settle-watcher.js';

/** One shared settle watcher per catalog, made when first asked for. */
export class SettleWatchers {
  readonly #client: MarketplaceCatalogClient;
  readonly #options: AwsMarketplaceProviderOptions;
  readonly #settleWatchers = new Map<string, ChangeSetSettleWatcher>();

  constructor(client: MarketplaceCatalogClient, options: AwsMarketplaceProviderOptions) {
    this.#client = client;
    this.#options = options;
  }

  settleWatcher(catalog: string): ChangeSetSettleWatcher {
    let watcher = this.#settleWatchers.get(catalog);
    if (!watcher) {
      // ListChangeSets allows 5/s per account; the watcher keeps within it (paced) at one call per 200 ms.
      watcher = new ChangeSetSettleWatcher(this.#client, catalog, this.#options.settleWatchIntervalMs ?? 200, 5);
      this.#settleWatchers.set(catalog, watcher);
    }
    return watcher;
  }
}
