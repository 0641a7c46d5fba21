export * from './marketplace/index.js';
export * from './ros/index.js';
export type { EmulatorControl } from './shared/emulator-control.js';
export type { EmulatorServerOptions } from './shared/emulator-server-options.js';
export { type Fault, FaultInjector, type FaultKind, type FaultRule } from './shared/fault-injector.js';
export type { RunningServiceEmulator } from './shared/running-service-emulator.js';
export { InvalidSeedError, type SeedCheck, type SeedIssue } from './shared/seed-issue.js';
