import type { ChangeSetRef } from '@changeplane/core';
import type { TaskStatus } from '../output/run-event.js';

/** What `apply` and `plan` leave behind for `status` and `cancel`: plain refs, no credentials. */
export interface RunState {
  readonly version: 1;
  readonly updatedAt: string;
  readonly mode: 'emulators' | 'endpoints';
  readonly endpoints: Readonly<Record<string, string>>;
  /** How to reach the same providers again (no credentials: those come from the environment). */
  readonly connection: {
    readonly regionId: string;
    readonly awsRegion: string;
    readonly rosEndpoint?: string;
    readonly marketplaceEndpoint?: string;
  };
  readonly changeSets: readonly RunStateEntry[];
}

export interface RunStateEntry {
  readonly task: string;
  readonly label: string;
  readonly ref: ChangeSetRef;
  readonly status: TaskStatus;
}
