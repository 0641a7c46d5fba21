import type { ChangeSetHandle, WaitOptions } from '@changeplane/core';
import type { RunReporter } from '../output/run-reporter.js';
import type { AppliedChanges } from './applied-changes.js';
import type { JournalWriteFailure, RunJournaling } from './run-journaling.js';

/** Why a run stopped before its end: Ctrl-C, or a journal that could not be written. */
export type RunStop =
  | { readonly kind: 'interrupted' }
  | { readonly kind: 'journal-failed'; readonly failure: JournalWriteFailure };

/** What `executeRun` is given. */
export interface ExecuteRunOptions {
  /** `apply` starts change sets; `plan` prepares, shows and (unless `keep`) removes them. */
  readonly mode: 'apply' | 'plan';
  /** `plan --keep`: leave prepared change sets in the cloud for review. */
  readonly keep?: boolean;
  /** Return once every change set has started; wait only for those that others depend on. */
  readonly detach?: boolean;
  /** Asked after everything is prepared and shown; `false` starts nothing. Absent: `--yes`. */
  readonly confirm?: (changeSets: number, changes: number) => Promise<boolean>;
  readonly reporter: RunReporter;
  readonly wait: WaitOptions;
  /** Wait this long for a locked entity instead of failing at once. */
  readonly lockWaitMs?: number;
  /** First Ctrl-C: start nothing more and stop waiting. */
  readonly interrupt: AbortSignal;
  /** The run's write-ahead journal (tokens, intents, outcomes, what an unfinished run made). */
  readonly journal: RunJournaling;
  /** What earlier runs applied: a change set applied exactly so, and unchanged since, is not sent again. */
  readonly applied?: AppliedChanges;
  /** `apply <saved plan>`: the change sets prepared and reviewed before, by task: started as they are. */
  readonly saved?: ReadonlyMap<string, ChangeSetHandle>;
}

/**
 * What every step of a run shares: the options, and one way to stop. `signal` aborts on Ctrl-C and when the
 * journal cannot be written; `stopped` says which came first.
 */
export class RunContext {
  readonly options: ExecuteRunOptions;
  readonly #stop = new AbortController();
  #stopped: RunStop | undefined;

  constructor(options: ExecuteRunOptions) {
    this.options = options;
    const interrupted = () => this.stop({ kind: 'interrupted' });
    if (options.interrupt.aborted) interrupted();
    else options.interrupt.addEventListener('abort', interrupted, { once: true });
  }

  get reporter(): RunReporter {
    return this.options.reporter;
  }

  get journal(): RunJournaling {
    return this.options.journal;
  }

  /** Aborted once the run must start nothing more and stop waiting. */
  get signal(): AbortSignal {
    return this.#stop.signal;
  }

  get stopped(): RunStop | undefined {
    return this.#stopped;
  }

  /** Stops the run: the first reason is kept. */
  stop(reason: RunStop): void {
    if (this.#stopped) return;
    this.#stopped = reason;
    this.#stop.abort(new Error(reason.kind));
  }

  /** Stops the run because the journal failed; returns the state the task stays in. */
  journalFailed<State>(failure: JournalWriteFailure, state: State): State {
    this.stop({ kind: 'journal-failed', failure });
    return state;
  }

  /** The lock wait a create or start is given, when the run waits for locked entities. */
  get lockWait(): { readonly lockWait?: { readonly maxWaitMs: number } } {
    return this.options.lockWaitMs ? { lockWait: { maxWaitMs: this.options.lockWaitMs } } : {};
  }
}
