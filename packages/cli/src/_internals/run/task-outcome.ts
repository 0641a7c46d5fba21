import type { ChangeSetError, ChangeSetHandle, ChangeSetRef, ChangeSetState } from '@changeplane/core';

/** How one change set of a run ended: every summary row, event and exit code is derived from these. */
export type TaskOutcome =
  /** Started and settled as succeeded. */
  | { readonly kind: 'succeeded'; readonly state: ChangeSetState }
  /** The provider found nothing to change; nothing was started. */
  | { readonly kind: 'no-changes' }
  /** Applied, exactly so, by an earlier run of the store, and nothing changed it since: not sent again. */
  | { readonly kind: 'unchanged'; readonly appliedBy: string }
  /** `plan`: prepared and shown; `kept` when left in the cloud for review. */
  | { readonly kind: 'previewed'; readonly changes: number; readonly kept: boolean }
  /** `--detach`: started and still running when the command returned. */
  | { readonly kind: 'started'; readonly ref: ChangeSetRef }
  /** Could not be prepared: nothing of it was started. */
  | { readonly kind: 'prepare-failed'; readonly error: ChangeSetError }
  /** Starting it failed: the provider refused, or the call's outcome is unknown. */
  | { readonly kind: 'start-failed'; readonly error: ChangeSetError }
  /** Started, then settled as failed, or the wait for it failed. */
  | { readonly kind: 'failed'; readonly state?: ChangeSetState; readonly error?: ChangeSetError }
  | { readonly kind: 'cancelled'; readonly state: ChangeSetState }
  /** Not started because a change set it depends on did not succeed. */
  | { readonly kind: 'skipped'; readonly blockedBy: string }
  /** Not started: the run stopped before it (declined at the prompt, another target failed to prepare, interrupted). */
  | { readonly kind: 'not-started'; readonly reason: 'declined' | 'prepare-failed' | 'interrupted' }
  /** Started and still running when the run was interrupted. */
  | { readonly kind: 'interrupted'; readonly ref: ChangeSetRef };

/** One change set of a run and how it ended. */
export interface TaskResult {
  readonly task: string;
  readonly label: string;
  readonly provider: string;
  readonly changeCount: number;
  readonly changeSetId?: string;
  /** The prepared change set, when the task got that far (what a saved plan keeps). */
  readonly handle?: ChangeSetHandle;
  readonly outcome: TaskOutcome;
}
