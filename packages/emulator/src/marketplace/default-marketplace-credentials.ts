import type { MarketplaceCredentials } from './marketplace-emulator-options.js';

/** The one key pair accepted when the options name none: emulator-only test credentials, not a secret. */
export const defaultMarketplaceCredentials: MarketplaceCredentials = {
  accessKeyId: 'AKIDEMULATOREXAMPLE01',
  secretAccessKey: 'emulator-secret-key-for-tests-only-0000001',
  accountId: '123456789012',
};
