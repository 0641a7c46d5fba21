import { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import type { RunningMarketplaceEmulator } from '../../marketplace/running-marketplace-emulator.js';

/** For specs: a fresh official client on the emulator (one attempt, so an error is seen as the emulator sent it). */
export function marketplaceClientOf(emulator: RunningMarketplaceEmulator): MarketplaceCatalogClient {
  return new MarketplaceCatalogClient({
    region: 'us-east-1',
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
    maxAttempts: 1,
  });
}
