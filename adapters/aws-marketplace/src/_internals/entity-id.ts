/**
 * The EntityId of an identifier as the service writes it, `EntityId@RevisionId` (`prod-abc@1`) or bare:
 * a revision names a version of one entity, so locks, conflicts and "one change type per entity" are the
 * EntityId's, whatever revision a change names.
 */
export function entityIdOf(identifier: string): string {
  const at = identifier.indexOf('@');
  return at < 0 ? identifier : identifier.slice(0, at);
}
