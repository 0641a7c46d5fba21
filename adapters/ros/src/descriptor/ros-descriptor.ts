import type { ProviderDescriptor } from '@changeplane/core/adapter';
import type { RosChangeSetRequest } from '../ros-change-set-request.js';
import type { RosPlanSection } from './ros-plan-section.js';

/**
 * Alibaba Cloud ROS for the `changeplane` command. Light on purpose: `--help` reads it without loading the
 * SDK; `load` brings the rest when a run uses the provider.
 */
export const rosDescriptor: ProviderDescriptor<RosPlanSection, RosChangeSetRequest> = {
  id: 'alibaba-ros',
  planSection: 'ros',
  title: 'Alibaba Cloud ROS',
  options: [
    {
      key: 'endpoint',
      flag: '--ros-endpoint <url>',
      description: 'ROS endpoint (default: ros.aliyuncs.com over HTTPS)',
      env: 'CHANGEPLANE_ROS_ENDPOINT',
    },
    {
      key: 'region',
      flag: '--ros-region <id>',
      description: 'ROS region when the plan names none (default: cn-hangzhou)',
      env: 'ALIBABA_CLOUD_REGION_ID',
    },
  ],
  credentialSources: [
    'ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (/ ALIBABA_CLOUD_SECURITY_TOKEN)',
    '~/.aliyun/config.json (the aliyun CLI; profile from ALIBABA_CLOUD_PROFILE)',
    '~/.alibabacloud/credentials (or ALIBABA_CLOUD_CREDENTIALS_FILE)',
    'OIDC role (ALIBABA_CLOUD_OIDC_*), ECS instance RAM role, ALIBABA_CLOUD_CREDENTIALS_URI',
  ],
  load: async () => (await import('../_internals/descriptor/ros-runtime.js')).rosRuntime,
};
