import type { EntitySeed } from '../_internals/marketplace/catalog-entities.js';
import { CatalogState } from '../_internals/marketplace/catalog-state.js';
import { inspectChangeSet, marketplaceControl } from '../_internals/marketplace/marketplace-control.js';
import { marketplaceService } from '../_internals/marketplace/marketplace-service.js';
import { startServicePipeline } from '../_internals/shared/service-pipeline.js';
import { InvalidSeedError } from '../shared/seed-issue.js';
import { defaultMarketplaceCredentials } from './default-marketplace-credentials.js';
import { documentedOpenChangeSetsPerAccount, documentedRates } from './documented-rates.js';
import type { MarketplaceEmulatorControl } from './marketplace-emulator-control.js';
import type { MarketplaceCredentials, MarketplaceEmulatorOptions } from './marketplace-emulator-options.js';
import { checkMarketplaceSeed, type SeededEntity } from './marketplace-seed.js';
import type { RunningMarketplaceEmulator } from './running-marketplace-emulator.js';

const defaultAccount = '123456789012';
const region = 'us-east-1';

/**
 * A local AWS Marketplace Catalog API that the official SDK client talks to unchanged (restJson1, SigV4
 * service `aws-marketplace`): StartChangeSet, DescribeChangeSet, ListChangeSets, CancelChangeSet,
 * DescribeEntity, ListEntities, BatchDescribeEntities, tags and resource policies, with the StartChangeSet
 * page's rules, the catalog's business rules (entities that exist, change types per entity type, revisions),
 * entity locking, the documented quota and rates, ClientRequestToken idempotency, a seed, injectable
 * faults and the control API under `/_emulator/`. Rejects with InvalidSeedError for a wrong `seed`.
 */
export async function startMarketplaceEmulator(
  options: MarketplaceEmulatorOptions = {},
): Promise<RunningMarketplaceEmulator> {
  const accepted = options.credentials?.length ? options.credentials : [defaultMarketplaceCredentials];
  const first = accepted[0] as MarketplaceCredentials;
  const accountOf = (credentials: MarketplaceCredentials) => credentials.accountId ?? defaultAccount;
  const seed = checkMarketplaceSeed(options.seed);
  if (!seed.ok) throw new InvalidSeedError(seed.issues);
  const seeded = [...(seed.seed.entities ?? []), ...(options.entities ?? [])];
  const state = new CatalogState(
    {
      region,
      preparingMs: options.timing?.preparingMs ?? 50,
      applyingMs: options.timing?.applyingMs ?? 100,
      openChangeSetsPerAccount: options.limits?.openChangeSetsPerAccount ?? documentedOpenChangeSetsPerAccount,
      unknownEntities: options.unknownEntities ?? 'fail',
    },
    seeded.map((entity) => entitySeedOf(entity, accountOf(first))),
  );
  const rates =
    options.limits?.ratesPerSecond === false ? undefined : { ...documentedRates, ...options.limits?.ratesPerSecond };
  const service = marketplaceService({ state, accepted, accountOf, rates });
  let control: MarketplaceEmulatorControl | undefined;
  const emulator = await startServicePipeline(service, {
    ...options,
    onClose: () => state.close(),
    control: (faults) => {
      const endpoints = marketplaceControl(state, faults);
      control = endpoints.control;
      return endpoints;
    },
  });
  return {
    ...emulator,
    region,
    credentials: { accessKeyId: first.accessKeyId, secretAccessKey: first.secretAccessKey },
    control: control as MarketplaceEmulatorControl,
    changeSets: () => state.allChangeSets().map(inspectChangeSet),
  };
}

function entitySeedOf(entity: SeededEntity, defaultOwner: string): EntitySeed {
  const [, revision] = entity.identifier.split('@');
  return {
    type: entity.type,
    identifier: entity.identifier,
    revision: entity.revision ?? (revision === undefined ? 1 : Number(revision)),
    ...(entity.name !== undefined ? { name: entity.name } : {}),
    ...(entity.details !== undefined ? { details: entity.details } : {}),
    tags: Object.entries(entity.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    owner: entity.owner ?? defaultOwner,
  };
}
