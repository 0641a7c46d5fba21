export { rosDescriptor } from './descriptor/ros-descriptor.js';
export type { RosPlanSection, RosStackEntry } from './descriptor/ros-plan-section.js';
export type { RosChangeSetRequest, RosJsonObject } from './ros-change-set-request.js';
export { rosModule } from './ros-module.js';
export { RosProvider } from './ros-provider.js';
export { type RosClient, type RosProviderOptions, RosProviderOptionsToken } from './ros-provider-options.js';
