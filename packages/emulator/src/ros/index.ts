export { type RunningRosEmulator, startRosEmulator } from './ros-emulator.js';
export { defaultRosCredentials, type RosCredentials, type RosEmulatorOptions } from './ros-emulator-options.js';
