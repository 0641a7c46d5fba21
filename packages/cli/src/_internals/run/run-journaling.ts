import type {
  ChangeSetError,
  ChangeSetHandle,
  ChangeSetRef,
  JournalOperation,
  RunFinishStatus,
  RunJournal,
  RunReplay,
  TaskReplay,
} from '@changeplane/core';
import type { ConnectionRecord } from '@changeplane/core/adapter';
import type { ResultAsync } from 'neverthrow';
import type { Task } from './task-state.js';

/** Why the run's journal could not be written: the run stops, as no call may be made without its intent on record. */
export interface JournalWriteFailure {
  readonly message: string;
}

/** What an unfinished run already made for a task. */
export interface AdoptedWork {
  /** The change set it started: only waiting is left. */
  readonly ref?: ChangeSetRef;
  /** The change set it prepared and did not start. */
  readonly handle?: ChangeSetHandle;
}

/**
 * A run's write-ahead journal as the run loop uses it: the tokens of each call (the same after a crash), the
 * intent before each call that can change something and its outcome after, and what an unfinished run left.
 * Every write is a Result: a failed write is the caller's to act on, never an exception in a worker.
 */
export class RunJournaling {
  readonly #journal: RunJournal;
  readonly runId: string;
  readonly #replayed: ReadonlyMap<string, TaskReplay>;

  constructor(journal: RunJournal, runId: string, replay?: RunReplay) {
    this.#journal = journal;
    this.runId = runId;
    const tasks = replay ? [...replay.done, ...replay.inFlight, ...replay.failed, ...replay.left] : [];
    this.#replayed = new Map(tasks.map((task) => [task.taskKey, task]));
  }

  token(task: string, operation: JournalOperation): string {
    return this.#journal.clientToken(this.runId, task, operation);
  }

  /**
   * What an unfinished run already made for a task: the change set it started, else the one it prepared. A
   * change set it removed again (a cancel that succeeded) is adopted as neither.
   */
  adopted(task: string): AdoptedWork {
    const replayed = this.#replayed.get(task);
    if (!replayed) return {};
    const succeeded = (operation: JournalOperation) =>
      replayed.operations.find((op) => op.operation === operation && op.status === 'succeeded');
    const started = succeeded('start')?.ref;
    if (started) return { ref: started };
    if (succeeded('cancel')) return {};
    return replayed.handle ? { handle: replayed.handle } : {};
  }

  /** Ends the run in the journal, so a re-run of the plan starts a new one. */
  finish(status: RunFinishStatus): ResultAsync<void, JournalWriteFailure> {
    return this.#journal
      .finishRun(this.runId, status)
      .map(() => undefined)
      .mapErr(writeFailure);
  }

  connections(providers: Readonly<Record<string, ConnectionRecord>>): ResultAsync<void, JournalWriteFailure> {
    return this.#journal
      .recordConnections(this.runId, providers)
      .map(() => undefined)
      .mapErr(writeFailure);
  }

  intent(task: Task, operation: JournalOperation, changeSetId?: string): ResultAsync<void, JournalWriteFailure> {
    return this.#journal
      .recordIntent({
        runId: this.runId,
        taskKey: task.key,
        operation,
        provider: task.run.descriptor.id,
        label: task.target.label,
        clientToken: this.token(task.key, operation),
        ...(changeSetId ? { changeSetId } : {}),
      })
      .map(() => undefined)
      .mapErr(writeFailure);
  }

  outcome(
    task: string,
    operation: JournalOperation,
    result: { handle: ChangeSetHandle } | { ref: ChangeSetRef } | { error: ChangeSetError },
  ): ResultAsync<void, JournalWriteFailure> {
    return this.#journal
      .recordOutcome({ runId: this.runId, taskKey: task, operation, clientToken: this.token(task, operation), result })
      .map(() => undefined)
      .mapErr(writeFailure);
  }
}

const writeFailure = (error: { readonly message: string }): JournalWriteFailure => ({
  message: `the run journal could not be written: ${error.message}`,
});
