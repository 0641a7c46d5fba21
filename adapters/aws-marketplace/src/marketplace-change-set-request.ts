/** One change of a Marketplace change set, in changeplane's camelCase. */
export interface MarketplaceChange {
  readonly changeType: string;
  /** `identifier` omitted for a change that creates the entity; `$ChangeName.Entity.Identifier` refers to one. */
  readonly entity: { readonly type: string; readonly identifier?: string };
  /** An object is sent as `DetailsDocument`; a string as `Details` (it must hold a JSON object). */
  readonly details?: Readonly<Record<string, unknown>> | string;
  readonly entityTags?: readonly { readonly key: string; readonly value: string }[];
  readonly changeName?: string;
}

/** A StartChangeSet request: 1 to 20 changes to entities of one catalog. */
export interface MarketplaceChangeSetRequest {
  /** Default `AWSMarketplace`. */
  readonly catalog?: string;
  readonly changes: readonly MarketplaceChange[];
  readonly changeSetName?: string;
  readonly changeSetTags?: readonly { readonly key: string; readonly value: string }[];
  /** The StartChangeSet ClientRequestToken; a UUID is generated when omitted. */
  readonly clientToken?: string;
}
