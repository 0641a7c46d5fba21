import { dirname } from 'node:path';
import type { EmulatorSpeed } from '@changeplane/core/adapter';

/** Options shared by the commands that talk to providers, as commander parsed them. */
export interface CommonOptions {
  readonly json?: boolean;
  /** `--no-color` sets it false. */
  readonly color?: boolean;
  readonly emulators?: boolean;
  readonly emulatorSpeed: EmulatorSpeed;
  /** `--state-dir`: where the file run journal is kept. */
  readonly stateDir: string;
  /** `--state <file>` of earlier versions: its folder is the state dir. */
  readonly state?: string;
  /** Longest wait for one change set, in seconds. */
  readonly maxWait: number;
  /** Each provider's own flags (`rosEndpoint`, `awsProfile`, ...), read through its descriptor. */
  readonly [providerFlag: string]: unknown;
}

/** The folder of the file run journal: `--state-dir`, or the folder of an older `--state <file>`. */
export function stateDirectory(options: Pick<CommonOptions, 'stateDir' | 'state'>): string {
  return options.state ? dirname(options.state) : options.stateDir;
}
