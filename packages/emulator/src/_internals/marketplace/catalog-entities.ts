import type { StoredEntity, Tag } from './catalog-records.js';
import { baseEntityType, entityIdOf } from './entity-identifier.js';

/** An entity as seeded (options.entities or a seed file), before it is stored. */
export interface EntitySeed {
  readonly type: string;
  readonly identifier: string;
  readonly revision?: number;
  readonly name?: string;
  readonly details?: unknown;
  readonly tags?: readonly Tag[];
  readonly owner: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The entities of one emulator, per owning account and EntityId (a revision in an identifier is ignored). */
export class CatalogEntities {
  readonly #entities = new Map<string, StoredEntity>();

  constructor(
    readonly region: string,
    readonly now: () => string,
  ) {}

  get(account: string, identifier: string): StoredEntity | undefined {
    return this.#entities.get(`${account}|${entityIdOf(identifier)}`);
  }

  of(account: string): StoredEntity[] {
    return [...this.#entities.values()].filter((entity) => entity.owner === account);
  }

  all(): StoredEntity[] {
    return [...this.#entities.values()];
  }

  clear(): void {
    this.#entities.clear();
  }

  seed(seed: EntitySeed): void {
    const entity = this.#create(seed.owner, seed.type, entityIdOf(seed.identifier), seed.details ?? {}, seed.name);
    entity.revision = seed.revision ?? 1;
    entity.tags = [...(seed.tags ?? [])];
  }

  /** A new entity at revision 1. */
  create(account: string, type: string, identifier: string, details: unknown, tags: readonly Tag[] = []): void {
    const entity = this.#create(account, type, entityIdOf(identifier), details, undefined);
    entity.tags = mergeTags(entity.tags, tags);
  }

  /** Applies a change's details (later keys overwrite earlier ones) and tags; the caller bumps the revision. */
  update(entity: StoredEntity, details: unknown, tags: readonly Tag[] = []): void {
    entity.details = isRecord(entity.details) && isRecord(details) ? { ...entity.details, ...details } : details;
    entity.name = nameOf(entity.details) ?? entity.name;
    entity.tags = mergeTags(entity.tags, tags);
    entity.lastModified = this.now();
  }

  #create(account: string, type: string, id: string, details: unknown, name: string | undefined): StoredEntity {
    const entity: StoredEntity = {
      type,
      id,
      revision: 1,
      owner: account,
      arn: `arn:aws:aws-marketplace:${this.region}:${account}:AWSMarketplace/${baseEntityType(type)}/${id}`,
      name: name ?? nameOf(details) ?? id,
      details,
      lastModified: this.now(),
      tags: [],
    };
    this.#entities.set(`${account}|${id}`, entity);
    return entity;
  }
}

/** A ProductTitle or Name in the details names the entity in listings. */
function nameOf(details: unknown): string | undefined {
  const title = isRecord(details) ? (details.ProductTitle ?? details.Name) : undefined;
  return typeof title === 'string' ? title : undefined;
}

/** Tags by key: a new value for a key replaces the old one. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const byKey = new Map(existing.map((tag) => [tag.Key, tag.Value]));
  for (const tag of added) byKey.set(tag.Key, tag.Value);
  return [...byKey].map(([Key, Value]) => ({ Key, Value }));
}
