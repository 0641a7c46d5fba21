import type {
  ChangeSetError,
  ChangeSetHandle,
  ChangeSetRef,
  JournalOperation,
  RunJournal,
  RunReplay,
  TaskReplay,
} from '@changeplane/core';

/** The journal could not be written: no provider call may be made without its intent on record. */
export class JournalWriteError extends Error {
  override readonly name = 'JournalWriteError';
}

/**
 * A run's write-ahead journal as `executeRun` uses it: the tokens of each call (the same after a crash), the
 * intent before each call that can change something and its outcome after, and what an unfinished run left.
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

  /** What an unfinished run already made for a task: the started change set, or the prepared one. */
  adopted(task: string): { readonly ref?: ChangeSetRef; readonly handle?: ChangeSetHandle } {
    const replayed = this.#replayed.get(task);
    return {
      ...(replayed?.ref ? { ref: replayed.ref } : {}),
      ...(replayed?.handle ? { handle: replayed.handle } : {}),
    };
  }

  async intent(task: string, operation: JournalOperation, provider: string, changeSetId?: string): Promise<void> {
    const recorded = await this.#journal.recordIntent({
      runId: this.runId,
      taskKey: task,
      operation,
      provider,
      clientToken: this.token(task, operation),
      ...(changeSetId ? { changeSetId } : {}),
    });
    if (recorded.isErr())
      throw new JournalWriteError(`the run journal could not be written: ${recorded.error.message}`);
  }

  async outcome(
    task: string,
    operation: JournalOperation,
    result: { handle: ChangeSetHandle } | { ref: ChangeSetRef } | { error: ChangeSetError },
  ): Promise<void> {
    const recorded = await this.#journal.recordOutcome({
      runId: this.runId,
      taskKey: task,
      operation,
      clientToken: this.token(task, operation),
      result,
    });
    if (recorded.isErr())
      throw new JournalWriteError(`the run journal could not be written: ${recorded.error.message}`);
  }
}
