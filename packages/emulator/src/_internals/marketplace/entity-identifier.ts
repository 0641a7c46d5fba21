/**
 * An entity identifier as the service writes it: `EntityId@RevisionId` (`prod-abc@1`), or the bare
 * `EntityId`. The revision names a version of one entity; locks, existence and tags are the entity's.
 */
export interface EntityIdentifier {
  readonly id: string;
  readonly revision?: string;
}

function parseEntityIdentifier(identifier: string): EntityIdentifier {
  const at = identifier.indexOf('@');
  return at < 0 ? { id: identifier } : { id: identifier.slice(0, at), revision: identifier.slice(at + 1) };
}

/** The entity an identifier names, whatever revision it carries. */
export const entityIdOf = (identifier: string): string => parseEntityIdentifier(identifier).id;

/** `SaaSProduct@1.0` -> `SaaSProduct`: entity types compare without their version. */
export const baseEntityType = (type: string): string => type.split('@')[0] ?? type;
