import { constants } from 'node:fs';
import { type FileHandle, mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errAsync, okAsync, ResultAsync } from 'neverthrow';
import { JournalFileLock } from '../_internals/journal/journal-file-lock.js';
import { EntryLogRunJournal } from './entry-log-run-journal.js';
import { isJournalEntry, type JournalEntry } from './journal-entry.js';
import { type RunJournalError, runJournalError } from './run-journal-error.js';

/** Where the file journal lives, and its clock. */
export interface FileRunJournalOptions {
  /** The folder (created when missing); `.changeplane` of the working directory by default. */
  readonly directory?: string;
  /** The clock entries are stamped with (tests pin it). */
  readonly now?: () => Date;
}

/**
 * The embedded journal: `journal.jsonl` in `.changeplane/`, one JSON entry per line, appended with
 * `O_APPEND` and fsynced before the append resolves, so a `kill -9` at any instant loses at most the entry
 * being written, which its caller never heard was recorded. A torn last line is skipped on read (and a
 * newline written before the next append). `journal.lock` keeps two runs in one folder from interleaving:
 * `startRun` takes it (a lock whose pid is gone is stale and taken over), `finishRun` and `close` release it.
 */
export class FileRunJournal extends EntryLogRunJournal {
  readonly directory: string;
  readonly path: string;
  readonly #lock: JournalFileLock;
  #file: Promise<FileHandle> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: FileRunJournalOptions = {}) {
    super(options.now);
    this.directory = options.directory ?? join(process.cwd(), '.changeplane');
    this.path = join(this.directory, 'journal.jsonl');
    this.#lock = new JournalFileLock(join(this.directory, 'journal.lock'));
  }

  protected override beginRun(): ResultAsync<void, RunJournalError> {
    return this.#ensureDirectory().andThen(() => this.#lock.acquire());
  }

  protected override endRun(): ResultAsync<void, RunJournalError> {
    const closing = this.#file;
    this.#file = undefined;
    const closed = closing
      ? ResultAsync.fromPromise(
          this.#queue.then(() => closing).then((file) => file.close()),
          (cause) => runJournalError('io', `could not close ${this.path}`, { cause }),
        )
      : okAsync(undefined);
    return closed.andThen(() => this.#lock.release());
  }

  protected append(entry: JournalEntry): ResultAsync<void, RunJournalError> {
    const line = `${JSON.stringify(entry)}\n`;
    // One writer at a time in this process: each line is one write(2) on an O_APPEND descriptor, then fsync.
    const done = this.#queue.then(async () => {
      const file = await this.#handle();
      await file.appendFile(line, 'utf8');
      await file.datasync();
    });
    this.#queue = done.catch(() => undefined);
    return ResultAsync.fromPromise(done, (cause) =>
      runJournalError('io', `could not append to ${this.path}`, { cause }),
    );
  }

  protected readAll(): ResultAsync<JournalEntry[], RunJournalError> {
    return ResultAsync.fromPromise(
      readFile(this.path, 'utf8').catch((cause: NodeJS.ErrnoException) => {
        if (cause.code === 'ENOENT') return '';
        throw cause;
      }),
      (cause) => runJournalError('io', `could not read ${this.path}`, { cause }),
    ).andThen((text) => {
      const entries: JournalEntry[] = [];
      const lines = text.split('\n');
      for (const [index, line] of lines.entries()) {
        if (line.trim() === '') continue;
        const parsed = parseLine(line);
        if (parsed) {
          entries.push(parsed);
          continue;
        }
        // Only a write cut short by a crash leaves a line that does not parse: the last one, or one followed by
        // the newline the next writer put before its own entry. Anything else is not our journal.
        const last = index === lines.length - 1 || lines.slice(index + 1).every((rest) => rest.trim() === '');
        if (!last && !line.startsWith('{')) {
          return errAsync(runJournalError('corrupt', `${this.path}:${index + 1} is not a journal entry`));
        }
      }
      return okAsync(entries);
    });
  }

  #ensureDirectory(): ResultAsync<void, RunJournalError> {
    return ResultAsync.fromPromise(mkdir(this.directory, { recursive: true }), (cause) =>
      runJournalError('io', `could not create ${this.directory}`, { cause }),
    ).map(() => undefined);
  }

  #handle(): Promise<FileHandle> {
    this.#file ??= (async () => {
      await mkdir(this.directory, { recursive: true });
      const file = await open(this.path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
      const { size } = await file.stat();
      if (size > 0) {
        // A crash mid-line leaves no newline at the end: start on a fresh line so the torn one stays alone.
        const last = Buffer.alloc(1);
        const reader = await open(this.path, 'r');
        await reader.read(last, 0, 1, size - 1).finally(() => reader.close());
        if (last[0] !== 0x0a) await file.appendFile('\n');
      } else {
        // A new file: make its directory entry durable too.
        const dir = await open(this.directory, 'r');
        await dir.sync().finally(() => dir.close());
      }
      return file;
    })();
    return this.#file;
  }
}

function parseLine(line: string): JournalEntry | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return isJournalEntry(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
