import type { SerializedChangeSetError } from '../errors/serialize-change-set-error.js';
import type { ChangeSetHandle } from '../model/change-set-handle.js';
import type { ChangeSetRef } from '../model/change-set-ref.js';
import type { JournalOperation } from './journal-operation.js';
import type { RunRecord } from './run-record.js';

/** One operation of one task as the journal last saw it. */
export interface OperationReplay {
  readonly operation: JournalOperation;
  readonly provider: string;
  readonly clientToken: string;
  /**
   * `succeeded`: the provider answered; `failed`: it refused (nothing was made); `in-flight`: the intent was
   * recorded but no outcome, or the outcome was an error after which the change set may exist.
   */
  readonly status: 'succeeded' | 'failed' | 'in-flight';
  readonly handle?: ChangeSetHandle;
  readonly ref?: ChangeSetRef;
  readonly error?: SerializedChangeSetError;
  readonly at: string;
}

/**
 * Where a task of the run stands:
 * - `done`: started (or cancelled, or created with no changes): only waiting is left;
 * - `in-flight`: a call may have acted without the answer being recorded: re-send it with the same token
 *   (`clientToken`) and the provider answers with what it already made;
 * - `failed`: a call was refused;
 * - `left`: nothing yet, or created and not started (`handle` is the created change set).
 */
export type TaskState = 'done' | 'in-flight' | 'failed' | 'left';

/** One task of a replayed run. */
export interface TaskReplay {
  readonly taskKey: string;
  readonly state: TaskState;
  /** The task's operations in the order they were first recorded. */
  readonly operations: readonly OperationReplay[];
  /** The created change set, once `create` succeeded. */
  readonly handle?: ChangeSetHandle;
  /** The started (or cancelled) change set, once `start` succeeded. */
  readonly ref?: ChangeSetRef;
}

/** A run replayed: what is done, what was in flight, what failed, what is left. */
export interface RunReplay {
  readonly run: RunRecord;
  readonly done: readonly TaskReplay[];
  readonly inFlight: readonly TaskReplay[];
  readonly failed: readonly TaskReplay[];
  readonly left: readonly TaskReplay[];
}
