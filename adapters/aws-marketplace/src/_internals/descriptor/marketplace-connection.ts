import { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type {
  ConnectionInput,
  ConnectionRecord,
  ConnectionResolution,
  ProviderConnection,
  ProviderSetup,
} from '@changeplane/core/adapter';
import { AwsMarketplaceProvider } from '../../aws-marketplace-provider.js';
import type { MarketplaceChangeSetRequest } from '../../marketplace-change-set-request.js';

/** The Catalog API lives in us-east-1; a region the configuration does not name falls back to it. */
const fallbackRegion = 'us-east-1';

// The SDK marks resolved credentials with the chain link that produced them.
const sourceNames: readonly (readonly [string, string])[] = [
  ['CREDENTIALS_ENV_VARS', 'environment (AWS_ACCESS_KEY_ID)'],
  ['CREDENTIALS_SSO', 'SSO'],
  ['CREDENTIALS_PROCESS', 'credential_process'],
  ['CREDENTIALS_STS_ASSUME_ROLE_WEB_ID', 'web identity role'],
  ['CREDENTIALS_STS_ASSUME_ROLE', 'assumed role'],
  ['CREDENTIALS_HTTP', 'container credentials'],
  ['CREDENTIALS_IMDS', 'instance role'],
  ['CREDENTIALS_PROFILE', 'shared files (~/.aws/credentials, ~/.aws/config)'],
];

const awsCredentialSearch = [
  'environment (AWS_ACCESS_KEY_ID)',
  '~/.aws/credentials',
  '~/.aws/config (profiles, SSO, credential_process)',
  'web identity, container and instance roles',
];

/** `{ CREDENTIALS_PROFILE: 'n' }` -> `shared files (...) profile default` */
function describeAwsCredentialSource(source: Readonly<Record<string, unknown>> | undefined, profile: string) {
  const keys = Object.keys(source ?? {});
  const named = sourceNames.find(([key]) => keys.includes(key));
  const where = named?.[1] ?? 'AWS default credential chain';
  return named?.[0] === 'CREDENTIALS_PROFILE' || named?.[0] === 'CREDENTIALS_SSO'
    ? `${where}, profile ${profile}`
    : where;
}

function explicitEndpoint(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves region, endpoint and credentials the way the AWS SDK does by itself (environment, shared
 * config and credentials files, profiles, SSO, `endpoint_url`, container and instance roles), so that
 * `changeplane` goes exactly where the user's other AWS tools go.
 */
export async function resolveMarketplaceConnection(input: ConnectionInput): Promise<ConnectionResolution> {
  // Only a profile someone named is passed on: the SDK then prefers it to credentials in the environment.
  const profile = input.options.profile ?? input.env.AWS_PROFILE;
  const flagEndpoint = input.options.endpoint;
  if (flagEndpoint !== undefined && !explicitEndpoint(flagEndpoint)) {
    return { found: false, problem: `Marketplace endpoint ${flagEndpoint} is not an http(s) URL`, searched: [] };
  }
  const client = new MarketplaceCatalogClient({
    profile,
    ...(input.options.region ? { region: input.options.region } : {}),
  });
  try {
    const region = await client.config.region().catch(() => fallbackRegion);
    const configured = flagEndpoint ?? (await client.config.serviceConfiguredEndpoint?.());
    const endpoint = configured ?? `https://catalog.marketplace.${region}.amazonaws.com`;
    let source: Readonly<Record<string, unknown>> | undefined;
    try {
      const credentials = await defaultProvider(profile ? { profile } : {})();
      source = (credentials as { $source?: Record<string, unknown> }).$source;
    } catch {
      return { found: false, searched: awsCredentialSearch };
    }
    return {
      found: true,
      record: {
        endpoint,
        credentialSource: describeAwsCredentialSource(source, profile ?? 'default'),
        emulator: false,
        settings: { region, ...(profile ? { profile } : {}) },
      },
    };
  } finally {
    client.destroy();
  }
}

/** A Marketplace provider for a saved connection; credentials come from the default chain again. */
export async function connectMarketplace(
  record: ConnectionRecord,
  setup: ProviderSetup = {},
): Promise<ProviderConnection<MarketplaceChangeSetRequest>> {
  const provider = AwsMarketplaceProvider.fromOptions({
    ...(setup.lockStore ? { lockStore: setup.lockStore } : {}),
    region: String(record.settings.region ?? fallbackRegion),
    endpoint: record.endpoint,
    ...(typeof record.settings.profile === 'string' ? { profile: record.settings.profile } : {}),
  });
  return { record, provider, dispose: () => provider.dispose() };
}
