export { defaultMarketplaceCredentials } from './default-marketplace-credentials.js';
export { documentedOpenChangeSetsPerAccount, documentedRates } from './documented-rates.js';
export { startMarketplaceEmulator } from './marketplace-emulator.js';
export type {
  EntityInspection,
  MarketplaceEmulatorControl,
  MarketplaceEmulatorState,
  MarketplaceFailureRule,
} from './marketplace-emulator-control.js';
export type {
  MarketplaceCredentials,
  MarketplaceEmulatorOptions,
  MarketplaceOperation,
} from './marketplace-emulator-options.js';
export { checkMarketplaceSeed, type MarketplaceSeed, type SeededEntity } from './marketplace-seed.js';
export type { ChangeSetInspection, RunningMarketplaceEmulator } from './running-marketplace-emulator.js';
