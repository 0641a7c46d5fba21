export { mapRosError, type RosErrorContext } from './map-ros-error.js';
export type { RosChangeSetRequest } from './ros-change-set-request.js';
export { rosChangeSetState, rosPlannedChanges } from './ros-change-set-state.js';
export { rosModule } from './ros-module.js';
export { RosProvider } from './ros-provider.js';
export { type RosClient, type RosProviderOptions, RosProviderOptionsToken } from './ros-provider-options.js';
export { toCreateChangeSetRequest } from './to-create-change-set-request.js';
export { validateRosRequest } from './validate-ros-request.js';
