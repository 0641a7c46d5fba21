/** How a run ended. */
export type RunFinishStatus = 'succeeded' | 'failed' | 'cancelled' | 'abandoned';

import type { ConnectionRecord } from '../descriptor/provider-connection.js';

/** A run as the journal knows it. */
export interface RunRecord {
  readonly runId: string;
  readonly planHash: string;
  /** What started it (`apply`, `plan`), when the caller said. */
  readonly command?: string;
  /** The plan as people name it (a file path), when the caller said. */
  readonly plan?: string;
  /** How it reached each provider, once recorded (`recordConnections`). */
  readonly providers?: Readonly<Record<string, ConnectionRecord>>;
  readonly startedAt: string;
  /** `unfinished` until `finishRun`: a re-run of the same plan picks such a run up. */
  readonly status: 'unfinished' | RunFinishStatus;
  readonly finishedAt?: string;
}

/** What `startRun` gives: the run, and whether it is an unfinished one picked up again. */
export interface StartedRun extends RunRecord {
  readonly resumed: boolean;
}
