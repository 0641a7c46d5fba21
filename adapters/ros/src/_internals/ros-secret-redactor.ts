import { SecretRedactor } from '@changeplane/core/adapter';
import type { RosClient, RosProviderOptions } from '../ros-provider-options.js';
import { rosSecretPatterns } from './ros-secret-patterns.js';

/**
 * The redactor of one ROS provider: the configured key id, secret and security token, Alibaba access key ids,
 * and whatever the client's `@alicloud/credentials` client (default chain, a caller's client) resolves to:
 * resolved once, lazily, when a call first fails (`rejectAfterLearning`), before that failure becomes an error.
 */
export function rosSecretRedactor(credentials: RosProviderOptions['credentials'], client: RosClient): SecretRedactor {
  // The SDK's credential client: what every call is signed with (null when the client was given none).
  const credential = client._credential as typeof client._credential | null | undefined;
  return new SecretRedactor({
    secrets: [credentials?.accessKeyId, credentials?.accessKeySecret, credentials?.securityToken],
    patterns: rosSecretPatterns,
    ...(credential
      ? {
          resolveSecrets: async () => {
            const resolved = await credential.getCredential();
            return [resolved.accessKeyId, resolved.accessKeySecret, resolved.securityToken, resolved.bearerToken];
          },
        }
      : {}),
  });
}
