export { awsMarketplaceModule } from './aws-marketplace-module.js';
export { AwsMarketplaceProvider } from './aws-marketplace-provider.js';
export {
  type AwsMarketplaceProviderOptions,
  AwsMarketplaceProviderOptionsToken,
} from './aws-marketplace-provider-options.js';
export { awsSecretPatterns } from './aws-secret-patterns.js';
export { changeReference } from './change-reference.js';
export { awsMarketplaceDescriptor } from './descriptor/aws-marketplace-descriptor.js';
export {
  type MarketplaceChangeEntry,
  type MarketplacePlanSection,
  marketplacePlanSectionSchema,
} from './descriptor/marketplace-plan-section.js';
export { marketplaceTargets } from './descriptor/marketplace-targets.js';
export { parseStartChangeSetInput } from './from-start-change-set-input.js';
export { type MarketplaceErrorContext, mapMarketplaceError } from './map-marketplace-error.js';
export type {
  CheckedMarketplaceChange,
  CheckedMarketplaceRequest,
  MarketplaceChange,
  MarketplaceChangeSetRequest,
  MarketplaceTag,
} from './marketplace-change-set-request.js';
export { marketplaceChangeSetState } from './marketplace-change-set-state.js';
export { awsClientRequestTokenRule } from './marketplace-client-token-rule.js';
export { codePointLength, marketplaceModelLimits } from './marketplace-model-limits.js';
export { marketplacePlanningPolicy } from './marketplace-planning-policy.js';
export { marketplaceRequestSchema } from './marketplace-request-schema.js';
export {
  lockedEntitiesOf,
  type StartChangeSetChange,
  type StartChangeSetPayload,
  type StartChangeSetTag,
  toStartChangeSetInput,
} from './to-start-change-set-input.js';
export { validateMarketplaceRequest } from './validate-marketplace-request.js';
