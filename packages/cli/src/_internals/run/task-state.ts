import type { ChangeSetError, ChangeSetHandle, ChangeSetRef } from '@changeplane/core';
import type { RunTarget } from '@changeplane/core/adapter';
import type { ProviderRun } from './provider-run.js';
import type { TaskOutcome } from './task-outcome.js';

/** Why a prepared change set was removed again without starting. */
export type DiscardReason = 'previewed' | 'declined' | 'prepare-failed' | 'interrupted';

/** Where a failure happened: nothing of a `prepare` failure started; a `start` failure may be unknown. */
export type FailedStage = 'prepare' | 'start' | 'wait';

/**
 * Where one task of a run stands. A task moves only forward:
 * planned -> prepared -> started -> settled, with `discarded` (a prepared change set removed again) and
 * `failed` (an error from the provider) as the other ends. `settled` carries every other ending.
 */
export type TaskState =
  | { readonly phase: 'planned' }
  | { readonly phase: 'prepared'; readonly handle: ChangeSetHandle }
  | {
      readonly phase: 'started';
      readonly ref: ChangeSetRef;
      readonly handle?: ChangeSetHandle;
      /** Started by an unfinished run of this plan: only waiting is left. */
      readonly adopted: boolean;
    }
  | {
      readonly phase: 'settled';
      readonly outcome: Exclude<TaskOutcome, { kind: 'prepare-failed' | 'start-failed' }>;
      readonly handle?: ChangeSetHandle;
      readonly changeSetId?: string;
    }
  | { readonly phase: 'discarded'; readonly handle: ChangeSetHandle; readonly reason: DiscardReason }
  | {
      readonly phase: 'failed';
      readonly stage: FailedStage;
      readonly error: ChangeSetError;
      readonly handle?: ChangeSetHandle;
      readonly changeSetId?: string;
    };

/** One target of a run (one change set) and where it stands. */
export interface Task {
  readonly key: string;
  readonly target: RunTarget;
  readonly run: ProviderRun;
  state: TaskState;
}
