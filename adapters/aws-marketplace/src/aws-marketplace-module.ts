import 'reflect-metadata';
import { ChangeSetProviderToken } from '@changeplane/core';
import { ContainerModule } from 'inversify';
import { AwsMarketplaceProvider } from './aws-marketplace-provider.js';
import {
  type AwsMarketplaceProviderOptions,
  AwsMarketplaceProviderOptionsToken,
} from './aws-marketplace-provider-options.js';

/** Registers the AWS Marketplace provider (id `aws-marketplace`) in a changeplane container. */
export function awsMarketplaceModule(options: AwsMarketplaceProviderOptions): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(AwsMarketplaceProviderOptionsToken).toConstantValue(options);
    bind(AwsMarketplaceProvider).toSelf().inSingletonScope();
    bind(ChangeSetProviderToken).toService(AwsMarketplaceProvider);
  });
}
