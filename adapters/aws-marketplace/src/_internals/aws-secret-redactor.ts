import type { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import { SecretRedactor } from '@changeplane/core/adapter';
import type { AwsMarketplaceProviderOptions } from '../aws-marketplace-provider-options.js';
import { awsSecretPatterns } from './aws-secret-patterns.js';

// What each client resolved its credentials to, learned on its first failed call. Keyed by the client (its
// credentials are its own), so two clients never share what they learned.
const learnedByClient = new WeakMap<MarketplaceCatalogClient, SecretRedactor>();

/**
 * The redactor of one Marketplace provider: the configured key id, secret and session token, AWS access key
 * ids, and whatever the client's credential provider (default chain, profile, a caller's client) resolves to:
 * resolved once, lazily, when a call of the client first fails, before that failure becomes an error.
 */
export function awsSecretRedactor(
  credentials: AwsMarketplaceProviderOptions['credentials'],
  client: MarketplaceCatalogClient,
): SecretRedactor {
  const configured = new SecretRedactor({
    secrets: [credentials?.accessKeyId, credentials?.secretAccessKey, credentials?.sessionToken],
    patterns: awsSecretPatterns,
  });
  return configured.compose(learnedCredentialsOf(client));
}

function learnedCredentialsOf(client: MarketplaceCatalogClient): SecretRedactor {
  let learned = learnedByClient.get(client);
  if (learned) return learned;
  const resolve = client.config.credentials;
  const redactor = new SecretRedactor({
    resolveSecrets: async () => {
      const identity = await resolve();
      return [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken];
    },
  });
  learned = redactor;
  // Outermost step: a rejection waits here until the credentials are known, so the mapped error masks them.
  client.middlewareStack.add((next) => (args) => redactor.rejectAfterLearning(next(args)), { step: 'initialize' });
  learnedByClient.set(client, learned);
  return learned;
}
