import type { EmulatorServerOptions } from '../shared/emulator-server-options.js';

/** An operation of the Marketplace Catalog API the emulator serves. */
export type MarketplaceOperation =
  | 'StartChangeSet'
  | 'DescribeChangeSet'
  | 'ListChangeSets'
  | 'CancelChangeSet'
  | 'DescribeEntity'
  | 'ListEntities';

/** A key pair the Marketplace emulator accepts. */
export interface MarketplaceCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The account the key belongs to: limits, locks and idempotency are per account. */
  readonly accountId?: string;
}

/** An entity present in the catalog at start. */
export interface SeededEntity {
  readonly type: string;
  readonly identifier: string;
  readonly name?: string;
  readonly details?: unknown;
}

/** Options of startMarketplaceEmulator. */
export interface MarketplaceEmulatorOptions extends EmulatorServerOptions {
  /** The accepted keys; default one fixed emulator-only pair. */
  readonly credentials?: readonly MarketplaceCredentials[];
  /** PREPARING lasts `preparingMs`, APPLYING `applyingMs`. Default 50 / 100. */
  readonly timing?: { readonly preparingMs?: number; readonly applyingMs?: number };
  readonly limits?: {
    /** APPLY change sets in PREPARING or APPLYING per account; one more -> ServiceQuotaExceededException (402). Default 20. */
    readonly openChangeSetsPerAccount?: number;
    /** Per account and operation; `false` turns rate limits off. Default: the documented rates. */
    readonly ratesPerSecond?: Partial<Record<MarketplaceOperation, number>> | false;
  };
  readonly entities?: readonly SeededEntity[];
}
