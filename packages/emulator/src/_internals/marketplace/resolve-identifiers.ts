import type { StoredChange } from './catalog-records.js';
import { changeReference } from './change-references.js';
import { changeTypesByEntityType } from './change-type-table.js';
import { baseEntityType } from './entity-identifier.js';
import { randomIdentifier } from './random-identifier.js';
import type { ValidChange } from './start-change-set-rules.js';

/** How the service's identifiers of each entity type begin (`offer-...`, `offerset-...`); products are `prod-...`. */
const identifierPrefix: Readonly<Record<string, string>> = {
  Offer: 'offer',
  OfferSet: 'offerset',
  ResaleAuthorization: 'resaleauthz',
  Solution: 'solution',
};

/** A Create* change type of the entity type (change-type-table.ts), or any `Create` name for a type it lacks. */
const isCreate = (change: ValidChange) =>
  (changeTypesByEntityType[baseEntityType(change.Entity.Type)]?.creates ?? []).includes(change.ChangeType) ||
  change.ChangeType.startsWith('Create');

/**
 * Gives every create (a Create* change without an Entity.Identifier) a fresh EntityId such as
 * `prod-xxxxxxxxxxxxx`, shown as the service shows a new entity's first revision (`prod-...@1`), then
 * substitutes `$ChangeName.Entity.Identifier` in identifiers and Details (by the EntityId). The rules have
 * already refused unknown names and cycles. A change without identifier that creates nothing keeps an empty
 * one: the catalog fails it (ENTITY_NOT_FOUND).
 */
export function resolveIdentifiers(changes: readonly ValidChange[]): StoredChange[] {
  const entityIds: (string | undefined)[] = changes.map((change) => {
    const given = change.Entity.Identifier;
    if (given !== undefined) return changeReference.nameIn(given) === undefined ? given : undefined;
    if (!isCreate(change)) return '';
    return `${identifierPrefix[baseEntityType(change.Entity.Type)] ?? 'prod'}-${randomIdentifier(13)}`;
  });
  const indexByName = new Map<string, number>();
  changes.forEach((change, index) => {
    if (change.ChangeName !== undefined && !indexByName.has(change.ChangeName))
      indexByName.set(change.ChangeName, index);
  });
  const identifierOf = (name: string): string | undefined => {
    const index = indexByName.get(name);
    return index === undefined ? undefined : entityIds[index];
  };
  // Each pass resolves at least one link of every chain; chains are at most as long as the set.
  for (let pass = 0; pass < changes.length && entityIds.includes(undefined); pass += 1) {
    changes.forEach((change, index) => {
      const target = changeReference.nameIn(change.Entity.Identifier);
      if (entityIds[index] === undefined && target !== undefined) entityIds[index] = identifierOf(target);
    });
  }
  const substitute = (text: string) => changeReference.substitute(text, identifierOf);
  return changes.map((change, index) => {
    const creates = change.Entity.Identifier === undefined && entityIds[index] !== '';
    const entityId = entityIds[index] as string;
    return {
      ChangeType: change.ChangeType,
      Entity: { Type: change.Entity.Type, Identifier: creates ? `${entityId}@1` : entityId },
      ...(change.Details !== undefined ? { Details: substitute(change.Details) } : {}),
      ...(change.DetailsDocument !== undefined
        ? { DetailsDocument: JSON.parse(substitute(JSON.stringify(change.DetailsDocument))) as unknown }
        : {}),
      ...(change.ChangeName !== undefined ? { ChangeName: change.ChangeName } : {}),
      ...(change.EntityTags !== undefined ? { entityTags: change.EntityTags } : {}),
      creates,
    };
  });
}
