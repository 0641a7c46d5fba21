import { z } from 'zod';
import { checkSeed } from '../_internals/shared/check-seed.js';
import type { SeedCheck } from '../shared/seed-issue.js';

const tagText = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;

/** The schema of a SeededEntity (below). */
const seededEntity = z.strictObject({
  type: z.string().min(1).max(255),
  identifier: z
    .string()
    .regex(/^[\w-]+(@\d+)?$/, 'an EntityId such as prod-abc, or prod-abc@3')
    .max(255),
  revision: z.number().int().min(1).optional(),
  name: z.string().min(1).optional(),
  details: z.json().optional(),
  tags: z.record(z.string().min(1).max(128).regex(tagText), z.string().max(256).regex(tagText)).optional(),
  owner: z
    .string()
    .regex(/^\d{12}$/, 'a 12-digit AWS account id')
    .optional(),
});

const marketplaceSeedSchema = z.strictObject({ entities: z.array(seededEntity).optional() });

/** An entity present in the catalog from the start (and after a reset). */
export interface SeededEntity {
  /** `SaaSProduct@1.0`, `Offer@1.0`, ... */
  readonly type: string;
  /** The EntityId (`prod-abc`), or `EntityId@RevisionId` as the service writes it (`prod-abc@3`). */
  readonly identifier: string;
  /** Its current revision; default the identifier's, else 1. */
  readonly revision?: number;
  readonly name?: string;
  /** What DescribeEntity answers as DetailsDocument. */
  readonly details?: unknown;
  /** Tag key -> value, as ListTagsForResource lists them. */
  readonly tags?: Readonly<Record<string, string>>;
  /** The 12-digit account that owns it (only that account sees it); default the first credentials' account. */
  readonly owner?: string;
}

/** The `marketplace:` section of a seed file: what the Marketplace emulator holds when it starts and after a reset. */
export interface MarketplaceSeed {
  readonly entities?: readonly SeededEntity[];
}

/** Checks a `marketplace:` seed section (any value, e.g. parsed YAML): the typed seed, or every issue by path. */
export function checkMarketplaceSeed(value: unknown): SeedCheck<MarketplaceSeed> {
  return checkSeed<MarketplaceSeed>(marketplaceSeedSchema, value);
}
