import type { EmulatorServerOptions } from '../shared/emulator-server-options.js';
import type { MarketplaceSeed, SeededEntity } from './marketplace-seed.js';

/** An operation of the Marketplace Catalog API the emulator serves. */
export type MarketplaceOperation =
  | 'StartChangeSet'
  | 'DescribeChangeSet'
  | 'ListChangeSets'
  | 'CancelChangeSet'
  | 'DescribeEntity'
  | 'ListEntities'
  | 'BatchDescribeEntities'
  | 'TagResource'
  | 'UntagResource'
  | 'ListTagsForResource'
  | 'PutResourcePolicy'
  | 'GetResourcePolicy'
  | 'DeleteResourcePolicy';

/** A key pair the Marketplace emulator accepts. */
export interface MarketplaceCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The account the key belongs to: limits, locks, idempotency and entities are per account. */
  readonly accountId?: string;
}

/** Options of startMarketplaceEmulator. */
export interface MarketplaceEmulatorOptions extends EmulatorServerOptions {
  /** The accepted keys; default one fixed emulator-only pair. */
  readonly credentials?: readonly MarketplaceCredentials[];
  /** PREPARING lasts `preparingMs`, APPLYING `applyingMs`. Default 50 / 100. */
  readonly timing?: { readonly preparingMs?: number; readonly applyingMs?: number };
  readonly limits?: {
    /** APPLY change sets in PREPARING or APPLYING per account; one more -> ServiceQuotaExceededException (402). Default 250, the documented quota. */
    readonly openChangeSetsPerAccount?: number;
    /** Per account and operation; `false` turns rate limits off. Default: the documented rates. */
    readonly ratesPerSecond?: Partial<Record<MarketplaceOperation, number>> | false;
  };
  /**
   * The `marketplace:` section of a seed file: the entities (types, revisions, tags, owners) the catalog holds
   * at start and after `control.reset()`. Checked first: a wrong seed rejects with InvalidSeedError.
   */
  readonly seed?: MarketplaceSeed;
  /** More seeded entities (the same as `seed.entities`). */
  readonly entities?: readonly SeededEntity[];
  /**
   * A change naming an entity that does not exist: `fail` (default, as the service: FAILED, ENTITY_NOT_FOUND)
   * or `create` (the entity is made when the change set applies: for demos and load tests without a seed).
   */
  readonly unknownEntities?: 'fail' | 'create';
}
