export { defaultMarketplaceCredentials } from './default-marketplace-credentials.js';
export { documentedRates } from './documented-rates.js';
export { startMarketplaceEmulator } from './marketplace-emulator.js';
export type {
  MarketplaceCredentials,
  MarketplaceEmulatorOptions,
  MarketplaceOperation,
  SeededEntity,
} from './marketplace-emulator-options.js';
export type { ChangeSetInspection, RunningMarketplaceEmulator } from './running-marketplace-emulator.js';
