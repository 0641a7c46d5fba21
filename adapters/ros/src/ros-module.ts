import 'reflect-metadata';
import { ChangeSetProviderToken } from '@changeplane/core';
import { ContainerModule } from 'inversify';
import { RosProvider } from './ros-provider.js';
import { type RosProviderOptions, RosProviderOptionsToken } from './ros-provider-options.js';

/** Registers the ROS provider (id `alibaba-ros`) in a changeplane container. */
export function rosModule(options: RosProviderOptions): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(RosProviderOptionsToken).toConstantValue(options);
    bind(RosProvider).toSelf().inSingletonScope();
    bind(ChangeSetProviderToken).toService(RosProvider);
  });
}
