import { CatalogState } from '../_internals/marketplace/catalog-state.js';
import { marketplaceService } from '../_internals/marketplace/marketplace-service.js';
import { startServicePipeline } from '../_internals/shared/service-pipeline.js';
import { defaultMarketplaceCredentials } from './default-marketplace-credentials.js';
import { documentedRates } from './documented-rates.js';
import type { MarketplaceCredentials, MarketplaceEmulatorOptions } from './marketplace-emulator-options.js';
import type { RunningMarketplaceEmulator } from './running-marketplace-emulator.js';

const defaultAccount = '123456789012';
const region = 'us-east-1';

/**
 * A local AWS Marketplace Catalog API that the official SDK client talks to unchanged (restJson1, SigV4
 * service `aws-marketplace`): StartChangeSet, DescribeChangeSet, ListChangeSets, CancelChangeSet,
 * DescribeEntity and ListEntities, with the StartChangeSet page's rules, entity locking, the open change
 * set quota, per-account rates, ClientRequestToken idempotency and injectable faults. One handler per
 * operation (`marketplace-routes.ts`) behind the shared request pipeline.
 */
export async function startMarketplaceEmulator(
  options: MarketplaceEmulatorOptions = {},
): Promise<RunningMarketplaceEmulator> {
  const accepted = options.credentials?.length ? options.credentials : [defaultMarketplaceCredentials];
  const first = accepted[0] as MarketplaceCredentials;
  const accountOf = (credentials: MarketplaceCredentials) => credentials.accountId ?? defaultAccount;
  const state = new CatalogState(
    {
      region,
      preparingMs: options.timing?.preparingMs ?? 50,
      applyingMs: options.timing?.applyingMs ?? 100,
      openChangeSetsPerAccount: options.limits?.openChangeSetsPerAccount ?? 20,
    },
    options.entities ?? [],
    accountOf(first),
  );
  const rates =
    options.limits?.ratesPerSecond === false ? undefined : { ...documentedRates, ...options.limits?.ratesPerSecond };
  const service = marketplaceService({ state, accepted, accountOf, rates });
  const emulator = await startServicePipeline(service, { ...options, onClose: () => state.close() });
  return {
    ...emulator,
    region,
    credentials: { accessKeyId: first.accessKeyId, secretAccessKey: first.secretAccessKey },
    changeSets: () =>
      state.allChangeSets().map((changeSet) => ({
        changeSetId: changeSet.id,
        status: changeSet.status,
        intent: changeSet.intent,
        entityIds: [...new Set(changeSet.changes.map((change) => change.Entity.Identifier))],
        lockedEntityIds: [...changeSet.lockedEntities],
        ...(changeSet.clientRequestToken !== undefined ? { clientRequestToken: changeSet.clientRequestToken } : {}),
        startTime: changeSet.startTime,
        ...(changeSet.endTime !== undefined ? { endTime: changeSet.endTime } : {}),
        lockedFrom: changeSet.lockedFrom,
        ...(changeSet.lockedUntil !== undefined ? { lockedUntil: changeSet.lockedUntil } : {}),
      })),
  };
}
