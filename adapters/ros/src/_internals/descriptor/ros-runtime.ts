import type { ProviderRuntime } from '@changeplane/core/adapter';
import { type RosPlanSection, rosPlanSectionSchema } from '../../descriptor/ros-plan-section.js';
import type { RosChangeSetRequest } from '../../ros-change-set-request.js';
import { connectRos, resolveRosConnection } from './ros-connection.js';
import { startRosEmulatorConnection } from './ros-emulator-connection.js';
import { rosTargets } from './ros-targets.js';

/** The loaded half of {@link rosDescriptor}. */
export const rosRuntime: ProviderRuntime<RosPlanSection, RosChangeSetRequest> = {
  sectionSchema: rosPlanSectionSchema,
  toTargets: (section, context) => rosTargets(section, context, context.options.region),
  resolveConnection: resolveRosConnection,
  connect: connectRos,
  startEmulator: (speed, options) => startRosEmulatorConnection(speed, options),
};
