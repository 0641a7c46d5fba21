export { type RunningMarketplaceEmulator, startMarketplaceEmulator } from './marketplace-emulator.js';
export {
  defaultMarketplaceCredentials,
  documentedRates,
  type MarketplaceCredentials,
  type MarketplaceEmulatorOptions,
  type MarketplaceOperation,
  type SeededEntity,
} from './marketplace-emulator-options.js';
