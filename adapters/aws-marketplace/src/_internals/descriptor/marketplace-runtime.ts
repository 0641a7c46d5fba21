import type { ProviderRuntime } from '@changeplane/core/adapter';
import {
  type MarketplacePlanSection,
  marketplacePlanSectionSchema,
} from '../../descriptor/marketplace-plan-section.js';
import type { MarketplaceChangeSetRequest } from '../../marketplace-change-set-request.js';
import { connectMarketplace, resolveMarketplaceConnection } from './marketplace-connection.js';
import { startMarketplaceEmulatorConnection } from './marketplace-emulator-connection.js';
import { marketplaceTargets } from './marketplace-targets.js';

/** The loaded half of {@link awsMarketplaceDescriptor}. */
export const marketplaceRuntime: ProviderRuntime<MarketplacePlanSection, MarketplaceChangeSetRequest> = {
  sectionSchema: marketplacePlanSectionSchema,
  toTargets: marketplaceTargets,
  resolveConnection: resolveMarketplaceConnection,
  connect: connectMarketplace,
  startEmulator: startMarketplaceEmulatorConnection,
};
