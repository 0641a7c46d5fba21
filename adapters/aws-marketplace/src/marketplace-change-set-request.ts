import type { JsonValue } from '@changeplane/core';
import type { PlainData } from '@changeplane/core/adapter';

/** A tag of a change set or an entity: both members required, as in the model's `Tag`. */
export interface MarketplaceTag {
  readonly key: string;
  readonly value: string;
}

/** One change of a Marketplace change set, in changeplane's camelCase. */
export interface MarketplaceChange {
  readonly changeType: string;
  /** `identifier` omitted for a change that creates the entity; `$ChangeName.Entity.Identifier` refers to one. */
  readonly entity: { readonly type: string; readonly identifier?: string };
  /**
   * Any JSON value but null. Objects, arrays, numbers and booleans are sent as `DetailsDocument` (the
   * model's document type: `AddDimensions` takes an array); a string as `Details` (it must hold a JSON object).
   */
  readonly details?: Exclude<JsonValue, null>;
  readonly entityTags?: readonly MarketplaceTag[];
  readonly changeName?: string;
}

/** A StartChangeSet request: 1 to 20 changes to entities of one catalog. */
export interface MarketplaceChangeSetRequest {
  /** Default `AWSMarketplace`. */
  readonly catalog?: string;
  readonly changes: readonly MarketplaceChange[];
  readonly changeSetName?: string;
  readonly changeSetTags?: readonly MarketplaceTag[];
  /** The StartChangeSet ClientRequestToken; a UUID is generated when omitted. */
  readonly clientToken?: string;
}

/** A change as validation returns it: `details` is the detached plain-data copy that was checked. */
export interface CheckedMarketplaceChange extends MarketplaceChange {
  readonly details?: Exclude<PlainData, null>;
}

/**
 * A request as `validateMarketplaceRequest` returns it: the checked copy (plain JSON data, nothing of the
 * caller's), which is what gets mapped and sent.
 */
export interface CheckedMarketplaceRequest extends MarketplaceChangeSetRequest {
  readonly changes: readonly CheckedMarketplaceChange[];
}
