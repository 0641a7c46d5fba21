import { okAsync, type ResultAsync } from 'neverthrow';
import { EntryLogRunJournal } from './entry-log-run-journal.js';
import type { JournalEntry } from './journal-entry.js';
import type { RunJournalError } from './run-journal-error.js';

/** A run journal that lives as long as the process: for tests and for callers that need no resume. */
export class InMemoryRunJournal extends EntryLogRunJournal {
  readonly #entries: JournalEntry[] = [];

  constructor(now?: () => Date) {
    super(now);
  }

  /** A copy of every entry written, in order. */
  entries(): readonly JournalEntry[] {
    return [...this.#entries];
  }

  protected append(entry: JournalEntry): ResultAsync<void, RunJournalError> {
    this.#entries.push(structuredClone(entry));
    return okAsync(undefined);
  }

  protected readAll(): ResultAsync<JournalEntry[], RunJournalError> {
    return okAsync(structuredClone(this.#entries));
  }
}
