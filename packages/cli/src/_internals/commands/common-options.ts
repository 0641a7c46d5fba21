import type { EmulatorSpeed } from '@changeplane/core/adapter';

/** Options shared by the commands that talk to providers, as commander parsed them. */
export interface CommonOptions {
  readonly json?: boolean;
  /** `--no-color` sets it false. */
  readonly color?: boolean;
  readonly emulators?: boolean;
  readonly emulatorSpeed: EmulatorSpeed;
  readonly state: string;
  /** Longest wait for one change set, in seconds. */
  readonly maxWait: number;
  /** Each provider's own flags (`rosEndpoint`, `awsProfile`, ...), read through its descriptor. */
  readonly [providerFlag: string]: unknown;
}
