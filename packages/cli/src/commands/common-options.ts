import type { EmulatorSpeed } from '../runtime/emulator-timing.js';

/** Options shared by the commands that talk to providers. */
export interface CommonOptions {
  readonly json?: boolean;
  readonly emulators?: boolean;
  readonly rosEndpoint?: string;
  readonly marketplaceEndpoint?: string;
  readonly region: string;
  readonly awsRegion: string;
  readonly emulatorSpeed: EmulatorSpeed;
  readonly state: string;
  /** Longest wait for one change set, in seconds. */
  readonly maxWait: number;
}
