import type { StartChangeSetCommandInput } from '@aws-sdk/client-marketplace-catalog';
import type { JsonValue } from '@changeplane/core';
import type { MarketplaceChangeSetRequest, MarketplaceTag } from '../marketplace-change-set-request.js';

const tagsOf = (list: readonly MarketplaceTag[]) => list.map((tag) => ({ Key: tag.key, Value: tag.value }));

/**
 * A validated request (the copy `validateMarketplaceRequest` returns) as the StartChangeSet input, without
 * token and intent, JSON-safe so a handle can carry it. A string `details` is `Details`; any other JSON
 * value (object, array, number, boolean) is `DetailsDocument`, the model's document type.
 */
export function toStartChangeSetInput(request: MarketplaceChangeSetRequest): JsonValue {
  const input = {
    Catalog: request.catalog ?? 'AWSMarketplace',
    ...(request.changeSetName !== undefined ? { ChangeSetName: request.changeSetName } : {}),
    ...(request.changeSetTags !== undefined ? { ChangeSetTags: tagsOf(request.changeSetTags) } : {}),
    ChangeSet: request.changes.map((change) => ({
      ChangeType: change.changeType,
      Entity: {
        Type: change.entity.type,
        ...(change.entity.identifier !== undefined ? { Identifier: change.entity.identifier } : {}),
      },
      ...(typeof change.details === 'string' ? { Details: change.details } : {}),
      ...(change.details !== undefined && typeof change.details !== 'string'
        ? { DetailsDocument: change.details as never }
        : {}),
      ...(change.entityTags !== undefined ? { EntityTags: tagsOf(change.entityTags) } : {}),
      ...(change.changeName !== undefined ? { ChangeName: change.changeName } : {}),
    })),
  } satisfies StartChangeSetCommandInput;
  // Built fresh from validated data (the details object is the caller's, which validation found JSON-shaped):
  // no JSON round trip per call.
  return input as unknown as JsonValue;
}

/** The entities a StartChangeSet input locks: existing identifiers, not the ones it creates or refers to. */
export function lockedEntitiesOf(input: StartChangeSetCommandInput): string[] {
  const identifiers = (input.ChangeSet ?? [])
    .map((change) => change.Entity?.Identifier)
    .filter((identifier): identifier is string => identifier !== undefined && !identifier.startsWith('$'));
  return [...new Set(identifiers)].sort();
}
