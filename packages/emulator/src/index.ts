export * from './marketplace/index.js';
export * from './ros/index.js';
export { type Fault, FaultInjector, type FaultKind, type FaultRule } from './shared/fault-injector.js';
