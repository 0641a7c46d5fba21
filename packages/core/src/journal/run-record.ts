/** How a run ended. */
export type RunFinishStatus = 'succeeded' | 'failed' | 'cancelled' | 'abandoned';

/** A run as the journal knows it. */
export interface RunRecord {
  readonly runId: string;
  readonly planHash: string;
  readonly startedAt: string;
  /** `unfinished` until `finishRun`: a re-run of the same plan picks such a run up. */
  readonly status: 'unfinished' | RunFinishStatus;
  readonly finishedAt?: string;
}

/** What `startRun` gives: the run, and whether it is an unfinished one picked up again. */
export interface StartedRun extends RunRecord {
  readonly resumed: boolean;
}
