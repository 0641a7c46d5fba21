import * as $OpenApi from '@alicloud/openapi-core';
import ROS from '@alicloud/ros20190910';
import { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';

/**
 * The official SDK clients pointed at the emulators `changeplane emulators` started, from the environment it
 * printed: what a test counts the emulators' own listings with.
 */
export function emulatorClients(environment: Record<string, string | undefined>, marketplaceAttempts = 3) {
  const marketplace = new MarketplaceCatalogClient({
    maxAttempts: marketplaceAttempts,
    region: 'us-east-1',
    endpoint: environment.CHANGEPLANE_MARKETPLACE_ENDPOINT!,
    credentials: { accessKeyId: environment.AWS_ACCESS_KEY_ID!, secretAccessKey: environment.AWS_SECRET_ACCESS_KEY! },
  });
  const ros = new ROS.default(
    new $OpenApi.$OpenApiUtil.Config({
      accessKeyId: environment.ALIBABA_CLOUD_ACCESS_KEY_ID,
      accessKeySecret: environment.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
      endpoint: new URL(environment.CHANGEPLANE_ROS_ENDPOINT!).host,
      protocol: 'http',
      regionId: 'cn-hangzhou',
    }),
  );
  return { marketplace, ros };
}
