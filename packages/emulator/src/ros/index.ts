export { startRosEmulator } from './ros-emulator.js';
export { defaultRosCredentials, type RosCredentials, type RosEmulatorOptions } from './ros-emulator-options.js';
export type { RosChangeSetInspection, RunningRosEmulator } from './running-ros-emulator.js';
