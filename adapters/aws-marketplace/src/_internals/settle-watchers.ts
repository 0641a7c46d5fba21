import type { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import type { RequestPacer } from '@changeplane/core/adapter';
import type { AwsMarketplaceProviderOptions } from '../aws-marketplace-provider-options.js';
import { ChangeSetSettleWatcher } from './change-set-settle-watcher.js';

/** One shared settle watcher per catalog, made when first asked for. */
export class SettleWatchers {
  readonly #client: MarketplaceCatalogClient;
  readonly #options: AwsMarketplaceProviderOptions;
  readonly #describePacer: RequestPacer;
  readonly #settleWatchers = new Map<string, ChangeSetSettleWatcher>();

  constructor(client: MarketplaceCatalogClient, options: AwsMarketplaceProviderOptions, describePacer: RequestPacer) {
    this.#client = client;
    this.#options = options;
    this.#describePacer = describePacer;
  }

  settleWatcher(catalog: string): ChangeSetSettleWatcher {
    let watcher = this.#settleWatchers.get(catalog);
    if (!watcher) {
      // ListChangeSets allows 5/s per account; the watcher keeps within it (paced) at one call per 200 ms. While
      // one change set alone is waited for, it also describes it once an interval through the describe pacer
      // (5 of DescribeChangeSet's 10/s at the default interval; never beyond the pacer's rate).
      watcher = new ChangeSetSettleWatcher(
        this.#client,
        catalog,
        this.#options.settleWatchIntervalMs ?? 200,
        5,
        this.#describePacer,
      );
      this.#settleWatchers.set(catalog, watcher);
    }
    return watcher;
  }
}
