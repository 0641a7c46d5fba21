import type { ProviderDescriptor } from '@changeplane/core/adapter';
import type { MarketplaceChangeSetRequest } from '../marketplace-change-set-request.js';
import type { MarketplacePlanSection } from './marketplace-plan-section.js';

/**
 * The AWS Marketplace Catalog API for the `changeplane` command. Light on purpose: `--help` reads it
 * without loading the SDK; `load` brings the rest when a run uses the provider.
 */
export const awsMarketplaceDescriptor: ProviderDescriptor<MarketplacePlanSection, MarketplaceChangeSetRequest> = {
  id: 'aws-marketplace',
  planSection: 'marketplace',
  title: 'AWS Marketplace Catalog',
  options: [
    {
      key: 'endpoint',
      flag: '--marketplace-endpoint <url>',
      description: 'Marketplace Catalog endpoint (default: the AWS configuration, else the regional endpoint)',
      env: 'CHANGEPLANE_MARKETPLACE_ENDPOINT',
    },
    {
      key: 'profile',
      flag: '--aws-profile <name>',
      description: 'AWS shared-config profile',
      env: 'AWS_PROFILE',
    },
    {
      key: 'region',
      flag: '--aws-region <id>',
      description: 'AWS region (default: the AWS configuration, else us-east-1)',
    },
  ],
  credentialSources: [
    'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN)',
    '~/.aws/credentials and ~/.aws/config (profile from --aws-profile or AWS_PROFILE; SSO, credential_process)',
    'endpoint_url or AWS_ENDPOINT_URL_MARKETPLACE_CATALOG; web identity, container and instance roles',
  ],
  load: async () => (await import('../_internals/descriptor/marketplace-runtime.js')).marketplaceRuntime,
};
