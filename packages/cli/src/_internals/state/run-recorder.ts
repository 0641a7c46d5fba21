import type { ConnectionRecord } from '@changeplane/core/adapter';
import type { RunState, RunStateEntry } from './run-state.js';
import { writeRunState, writeRunStateSync } from './run-state-file.js';

/**
 * Keeps the run's state file current: every change set is written down as soon as it exists, one write at
 * a time (each atomic), so a crash loses at most the call that was under way.
 */
export class RunRecorder {
  readonly #file: string;
  #state: RunState;
  #writing: Promise<void> = Promise.resolve();
  /** Why the last write failed, if it did: the run goes on (the journal is the record), the caller says so. */
  #failure: string | undefined;

  constructor(file: string, start: Omit<RunState, 'version' | 'updatedAt' | 'finished' | 'changeSets'>) {
    this.#file = file;
    this.#state = { version: 2, ...start, updatedAt: start.startedAt, finished: false, changeSets: [] };
  }

  get state(): RunState {
    return this.#state;
  }

  /** Why the state file could not be written, when the last write failed. */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** Records a change set, or moves it to its new phase. */
  record(entry: RunStateEntry): Promise<void> {
    const others = this.#state.changeSets.filter((existing) => existing.task !== entry.task);
    return this.#update({ changeSets: [...others, entry] });
  }

  forget(task: string): Promise<void> {
    return this.#update({ changeSets: this.#state.changeSets.filter((entry) => entry.task !== task) });
  }

  setProviders(providers: Readonly<Record<string, ConnectionRecord>>): Promise<void> {
    return this.#update({ providers });
  }

  finish(): Promise<void> {
    return this.#update({ finished: true });
  }

  /** Waits for the writes under way. */
  flush(): Promise<void> {
    return this.#writing;
  }

  /** Writes what is known now, synchronously: the process is about to leave. */
  flushNow(): void {
    writeRunStateSync(this.#file, this.#state);
  }

  #update(patch: Partial<RunState>): Promise<void> {
    this.#state = { ...this.#state, ...patch, updatedAt: new Date().toISOString() };
    const snapshot = this.#state;
    this.#writing = this.#writing
      .then(() => writeRunState(this.#file, snapshot))
      .then(
        () => {
          this.#failure = undefined;
        },
        (error: unknown) => {
          this.#failure = error instanceof Error ? error.message : String(error);
        },
      );
    return this.#writing;
  }
}
