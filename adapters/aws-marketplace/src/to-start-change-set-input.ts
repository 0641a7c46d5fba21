import type { StartChangeSetCommandInput } from '@aws-sdk/client-marketplace-catalog';
import type { JsonValue } from '@changeplane/core';
import type { MarketplaceChangeSetRequest } from './marketplace-change-set-request.js';

/** The request as the StartChangeSet input (without token and intent), JSON-safe so a handle can carry it. */
export function toStartChangeSetInput(request: MarketplaceChangeSetRequest): JsonValue {
  const tags = (list: MarketplaceChangeSetRequest['changeSetTags']) =>
    list?.map((tag) => ({ Key: tag.key, Value: tag.value }));
  const input = {
    Catalog: request.catalog ?? 'AWSMarketplace',
    ...(request.changeSetName ? { ChangeSetName: request.changeSetName } : {}),
    ...(request.changeSetTags ? { ChangeSetTags: tags(request.changeSetTags) } : {}),
    ChangeSet: request.changes.map((change) => ({
      ChangeType: change.changeType,
      Entity: {
        Type: change.entity.type,
        ...(change.entity.identifier ? { Identifier: change.entity.identifier } : {}),
      },
      ...(typeof change.details === 'string' ? { Details: change.details } : {}),
      ...(change.details !== undefined && typeof change.details !== 'string'
        ? { DetailsDocument: change.details as Record<string, never> }
        : {}),
      ...(change.entityTags ? { EntityTags: tags(change.entityTags) } : {}),
      ...(change.changeName ? { ChangeName: change.changeName } : {}),
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
