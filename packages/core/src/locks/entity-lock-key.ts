/** Where an entity lives: the parts of a lock key. */
export interface EntityLocation {
  readonly provider: string;
  readonly account: string;
  readonly region: string;
  readonly entity: string;
}

/** The lock key of an entity: `provider:account:region:entity`. */
export function entityLockKey(location: EntityLocation): string {
  return `${location.provider}:${location.account}:${location.region}:${location.entity}`;
}

/** The entity part of a lock key (entities may themselves contain colons). */
export function entityOfLockKey(key: string): string {
  const parts = key.split(':');
  return parts.length > 3 ? parts.slice(3).join(':') : key;
}
