import type { StartChangeSetCommandInput } from '@aws-sdk/client-marketplace-catalog';
import type { PlainData } from '@changeplane/core/adapter';
import type { CheckedMarketplaceRequest, MarketplaceTag } from '../marketplace-change-set-request.js';
import { defaultCatalog } from './default-catalog.js';
import { entityIdOf } from './entity-id.js';

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

/**
 * A validated request (the copy `validateMarketplaceRequest` returns) as the StartChangeSet input, without
 * token and intent, JSON-safe so a handle can carry it. A string `details` is `Details`; any other JSON
 * value (object, array, number, boolean) is `DetailsDocument`, the model's document type.
 */
export function toStartChangeSetInput(request: CheckedMarketplaceRequest): StartChangeSetPayload {
  // Built fresh from validated data (the details are the checked plain copy): no JSON round trip per call.
  return {
    Catalog: request.catalog ?? defaultCatalog,
    ...(request.changeSetName !== undefined ? { ChangeSetName: request.changeSetName } : {}),
    ...(request.changeSetTags !== undefined ? { ChangeSetTags: tagsOf(request.changeSetTags) } : {}),
    ChangeSet: request.changes.map(
      (change): StartChangeSetChange => ({
        ChangeType: change.changeType,
        Entity: {
          Type: change.entity.type,
          ...(change.entity.identifier !== undefined ? { Identifier: change.entity.identifier } : {}),
        },
        ...(typeof change.details === 'string' ? { Details: change.details } : {}),
        ...(change.details !== undefined && typeof change.details !== 'string'
          ? { DetailsDocument: change.details }
          : {}),
        ...(change.entityTags !== undefined ? { EntityTags: tagsOf(change.entityTags) } : {}),
        ...(change.changeName !== undefined ? { ChangeName: change.changeName } : {}),
      }),
    ),
  };
}

/** The entities a StartChangeSet input locks: existing identifiers, not the ones it creates or refers to. */
export function lockedEntitiesOf(input: StartChangeSetCommandInput): string[] {
  const identifiers = (input.ChangeSet ?? [])
    .map((change) => change.Entity?.Identifier)
    .filter((identifier): identifier is string => identifier !== undefined && !identifier.startsWith('$'))
    .map(entityIdOf);
  return [...new Set(identifiers)].sort();
}
