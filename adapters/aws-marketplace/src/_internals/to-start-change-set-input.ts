import type { StartChangeSetCommandInput } from '@aws-sdk/client-marketplace-catalog';
import type { PlainData } from '@changeplane/core';
import type {
  CheckedMarketplaceChange,
  CheckedMarketplaceRequest,
  MarketplaceTag,
} from '../marketplace-change-set-request.js';
import { defaultCatalog } from './default-catalog.js';

/** A tag as StartChangeSet takes it. */
export type StartChangeSetTag = { readonly Key: string; readonly Value: string };

/** One change as StartChangeSet takes it: `Details` (a JSON object as text) or `DetailsDocument`. */
export type StartChangeSetChange = {
  readonly ChangeType: string;
  readonly Entity: { readonly Type: string; readonly Identifier?: string };
  readonly Details?: string;
  readonly DetailsDocument?: Exclude<PlainData, null>;
  readonly EntityTags?: StartChangeSetTag[];
  readonly ChangeName?: string;
};

/**
 * The StartChangeSet input without token and intent, as a handle carries it: plain JSON (a `JsonValue`, so
 * handles cross processes) and, member for member, the SDK's `StartChangeSetCommandInput`.
 */
export type StartChangeSetPayload = {
  readonly Catalog: string;
  readonly ChangeSetName?: string;
  readonly ChangeSetTags?: StartChangeSetTag[];
  readonly ChangeSet: StartChangeSetChange[];
};

const tagsOf = (list: readonly MarketplaceTag[]): StartChangeSetTag[] =>
  list.map((tag) => ({ Key: tag.key, Value: tag.value }));

/** One checked change as StartChangeSet takes it. */
function toStartChangeSetChange(change: CheckedMarketplaceChange): StartChangeSetChange {
  const entity: { Type: string; Identifier?: string } = { Type: change.entity.type };
  if (change.entity.identifier !== undefined) entity.Identifier = change.entity.identifier;
  // Members assigned only when present (an absent member stays absent, as the model wants); assignments, not
  // conditional spreads: this runs on every create.
  const out: { -readonly [Key in keyof StartChangeSetChange]: StartChangeSetChange[Key] } = {
    ChangeType: change.changeType,
    Entity: entity,
  };
  const details = change.details;
  if (typeof details === 'string') out.Details = details;
  else if (details !== undefined) out.DetailsDocument = details;
  if (change.entityTags !== undefined) out.EntityTags = tagsOf(change.entityTags);
  if (change.changeName !== undefined) out.ChangeName = change.changeName;
  return out;
}

/**
 * A validated request (the copy `validateMarketplaceRequest` returns) as the StartChangeSet input, without
 * token and intent, JSON-safe so a handle can carry it. A string `details` is `Details`; any other JSON
 * value (object, array, number, boolean) is `DetailsDocument`, the model's document type.
 */
export function toStartChangeSetInput(request: CheckedMarketplaceRequest): StartChangeSetPayload {
  // Built fresh from validated data (the details are the checked plain copy): no JSON round trip per call.
  const catalog = request.catalog ?? defaultCatalog;
  const changes = request.changes.map(toStartChangeSetChange);
  if (request.changeSetName === undefined && request.changeSetTags === undefined) {
    return { Catalog: catalog, ChangeSet: changes };
  }
  return {
    Catalog: catalog,
    ...(request.changeSetName !== undefined ? { ChangeSetName: request.changeSetName } : {}),
    ...(request.changeSetTags !== undefined ? { ChangeSetTags: tagsOf(request.changeSetTags) } : {}),
    ChangeSet: changes,
  };
}

/** The entities a StartChangeSet input locks: existing identifiers, not the ones it creates or refers to. */
export function lockedEntitiesOf(input: StartChangeSetCommandInput): string[] {
  const identifiers: string[] = [];
  for (const change of input.ChangeSet ?? []) {
    const identifier = change.Entity?.Identifier;
    // At most 20 changes: a linear look-up beats building a Set on every start.
    if (identifier !== undefined && !identifier.startsWith('$') && !identifiers.includes(identifier)) {
      identifiers.push(identifier);
    }
  }
  return identifiers.sort();
}
