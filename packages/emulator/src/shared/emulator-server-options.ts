import type { FaultRule } from './fault-injector.js';

/** What every emulator takes besides its service's own settings. */
export interface EmulatorServerOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  /** Faults injected from the start (`faults.add` adds more while running). */
  readonly faults?: readonly FaultRule[];
  /** Seed of the fault injector's randomness (a service's `seed` option is the state it starts with). */
  readonly faultSeed?: number;
}
