import Credential from '@alicloud/credentials';
import type {
  ConnectionInput,
  ConnectionRecord,
  ConnectionResolution,
  ProviderConnection,
} from '@changeplane/core/adapter';
import type { RosPlanSection } from '../../descriptor/ros-plan-section.js';
import type { RosChangeSetRequest } from '../../ros-change-set-request.js';
import { RosProvider } from '../../ros-provider.js';
import { defaultRosEndpoint, parseRosEndpoint } from '../ros-endpoint.js';
import { defaultRosRegion } from './ros-targets.js';

// @alicloud/credentials names the link of its default chain that answered (`default/cli_profile`).
const sourceNames: Readonly<Record<string, string>> = {
  env: 'environment (ALIBABA_CLOUD_ACCESS_KEY_ID)',
  static_ak: 'environment (ALIBABA_CLOUD_ACCESS_KEY_ID)',
  static_sts: 'environment (ALIBABA_CLOUD_SECURITY_TOKEN)',
  cli_profile: 'aliyun CLI profile (~/.aliyun/config.json)',
  profile: 'credentials file (~/.alibabacloud/credentials)',
  ecs_ram_role: 'ECS instance RAM role',
  oidc_role_arn: 'OIDC role',
  credential_uri: 'ALIBABA_CLOUD_CREDENTIALS_URI',
};

const rosCredentialSearch = [
  'environment (ALIBABA_CLOUD_ACCESS_KEY_ID)',
  '~/.aliyun/config.json',
  '~/.alibabacloud/credentials',
  'ECS instance RAM role',
];

/** Where a source name (`default/cli_profile/static_ak`) came from, in words. */
function describeRosCredentialSource(providerName: string | undefined): string {
  const links = (providerName ?? '').split('/').filter((link) => link !== 'default');
  const first = links[0];
  return (first && sourceNames[first]) ?? `default credential chain${providerName ? ` (${providerName})` : ''}`;
}

/**
 * Resolves where ROS requests go and whether @alicloud/credentials' default chain finds credentials:
 * the environment, the aliyun CLI's config, the credentials file, then instance roles.
 */
export async function resolveRosConnection(input: ConnectionInput): Promise<ConnectionResolution> {
  const section = input.section as RosPlanSection | undefined;
  const endpointValue = input.options.endpoint ?? section?.endpoint ?? defaultRosEndpoint;
  const endpoint = parseRosEndpoint(endpointValue);
  if (endpoint.isErr()) {
    return {
      found: false,
      problem: `ROS endpoint ${endpointValue} is not an http(s) URL or host[:port]`,
      searched: [],
    };
  }
  const regionId = section?.regionId ?? input.options.region ?? defaultRosRegion;
  let providerName: string | undefined;
  try {
    const credential = await new Credential.default().getCredential();
    providerName = credential.providerName;
  } catch {
    return { found: false, searched: rosCredentialSearch };
  }
  return {
    found: true,
    record: {
      endpoint: `${endpoint.value.protocol}://${endpoint.value.host}`,
      credentialSource: describeRosCredentialSource(providerName),
      emulator: false,
      settings: { regionId },
    },
  };
}

/** A ROS provider for a saved connection; credentials come from the default chain again. */
export async function connectRos(record: ConnectionRecord): Promise<ProviderConnection<RosChangeSetRequest>> {
  const provider = RosProvider.fromOptions({
    regionId: String(record.settings.regionId ?? defaultRosRegion),
    endpoint: record.endpoint,
  });
  return { record, provider, dispose: async () => {} };
}
