export { startRosEmulator } from './ros-emulator.js';
export type { RosEmulatorControl, RosEmulatorState, RosFailureRule } from './ros-emulator-control.js';
export { defaultRosCredentials, type RosCredentials, type RosEmulatorOptions } from './ros-emulator-options.js';
export { checkRosSeed, type RosSeed, type SeededStack } from './ros-seed.js';
export type { RosChangeSetInspection, RosStackInspection, RunningRosEmulator } from './running-ros-emulator.js';
