import type { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import type { EntityLockStore, RetryPolicy, WaiterPolicy } from '@changeplane/core';
import type { SecretRedactor } from '@changeplane/core/adapter';
import type { ServiceIdentifier } from 'inversify';

/** Options of AwsMarketplaceProvider: a ready client or region and credentials, plus catalog, locks, retry and wait policies. */
export interface AwsMarketplaceProviderOptions {
  /** The caller's ready client (the caller keeps control of credentials and endpoint). */
  readonly client?: MarketplaceCatalogClient;
  /** Without a client: the region, an endpoint, and credentials (else the AWS default chain). */
  readonly region?: string;
  readonly endpoint?: string;
  /** The shared-config profile whose credentials and settings the client uses. */
  readonly profile?: string;
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  /**
   * Masks credentials in this provider's errors as they are made. Default: `awsSecretRedactor` of these
   * credentials and the client's (resolved on the first failed call), plus AWS access key ids.
   */
  readonly redactor?: SecretRedactor;
  /** Scopes entity lock keys; defaults to `default` (one account per lock store). */
  readonly account?: string;
  /** Where entity locks live; in-memory by default (the container's shared store when loaded as a module). */
  readonly lockStore?: EntityLockStore;
  readonly retry?: Partial<RetryPolicy>;
  readonly waiter?: Partial<WaiterPolicy>;
  /** How long a lock lasts without renewal; renewed while the change set runs. Default 15 minutes. */
  readonly lockTtlMs?: number;
  /**
   * DescribeChangeSet calls per second this provider allows itself, shared by all its waiters in turn.
   * Default 10, the documented per-account rate: polls queue here instead of being throttled.
   */
  readonly describeRatePerSecond?: number;
  /**
   * How often one ListChangeSets call checks which waited-for change sets have settled. Default 200 ms: the
   * documented 5/s per account, spent only while someone waits. While a single change set is waited for, it
   * is also described halfway between two listings (5 of DescribeChangeSet's 10/s), so it is heard settled
   * about 50 ms after it settles on average instead of 100.
   */
  readonly settleWatchIntervalMs?: number;
  /**
   * The lease keeper: a started change set's locks are released when the settle watcher (one ListChangeSets
   * for all) hears it settled; every `watchIntervalMs` without news they are renewed and the change set is
   * described once, a safety net for a listing that failed. Default 30 s.
   */
  readonly watchIntervalMs?: number;
}

/** The inversify token awsMarketplaceModule binds the options to. */
export const AwsMarketplaceProviderOptionsToken: ServiceIdentifier<AwsMarketplaceProviderOptions> = Symbol.for(
  'changeplane.AwsMarketplaceProviderOptions',
);
