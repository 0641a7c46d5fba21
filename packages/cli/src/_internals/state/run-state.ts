import type { ChangeSetRef } from '@changeplane/core';
import type { ConnectionRecord } from '@changeplane/core/adapter';

/** A change set a run created or started, as `status` and `cancel` find it. */
export interface RunStateEntry {
  readonly task: string;
  readonly label: string;
  readonly ref: ChangeSetRef;
  /** `prepared`: created and not started (ROS change sets waiting for execution); `started`: running or done. */
  readonly phase: 'prepared' | 'started';
}

/**
 * What a run leaves behind for `status` and `cancel`, rewritten (atomically) as the run goes: how every
 * provider was reached, and every change set as soon as it exists. Plain refs, never credentials.
 */
export interface RunState {
  readonly version: 2;
  readonly runId: string;
  readonly command: string;
  readonly plan?: string;
  readonly startedAt: string;
  readonly updatedAt: string;
  /** False until the run ended (a crash or `kill -9` leaves it false). */
  readonly finished: boolean;
  /** How each provider was reached, by provider id. */
  readonly providers: Readonly<Record<string, ConnectionRecord>>;
  readonly changeSets: readonly RunStateEntry[];
}
