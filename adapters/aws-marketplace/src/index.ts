export { parseStartChangeSetInput } from './_internals/from-start-change-set-input.js';
export { awsMarketplaceModule } from './aws-marketplace-module.js';
export { AwsMarketplaceProvider } from './aws-marketplace-provider.js';
export {
  type AwsMarketplaceProviderOptions,
  AwsMarketplaceProviderOptionsToken,
} from './aws-marketplace-provider-options.js';
export { awsMarketplaceDescriptor } from './descriptor/aws-marketplace-descriptor.js';
export type { MarketplaceChangeEntry, MarketplacePlanSection } from './descriptor/marketplace-plan-section.js';
export type {
  CheckedMarketplaceChange,
  CheckedMarketplaceRequest,
  MarketplaceChange,
  MarketplaceChangeSetRequest,
  MarketplaceTag,
} from './marketplace-change-set-request.js';
export { marketplacePlanningPolicy } from './marketplace-planning-policy.js';
