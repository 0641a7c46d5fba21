import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { err, ok, okAsync, type Result, ResultAsync } from 'neverthrow';
import { type RunJournalError, runJournalError } from '../../journal/run-journal-error.js';

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly at: string;
}

/**
 * A lock file (`O_CREAT | O_EXCL`) naming the pid that holds it. A lock whose pid no longer runs on this host
 * is stale: it is moved aside (one rename, so only one taker wins) and taken. Two processes cannot both hold it.
 */
export class JournalFileLock {
  readonly #path: string;
  #held = false;

  constructor(path: string) {
    this.#path = path;
  }

  get held(): boolean {
    return this.#held;
  }

  /** Takes the lock, or takes over one whose process is gone; `locked` when a live process holds it. */
  acquire(): ResultAsync<void, RunJournalError> {
    if (this.#held) return okAsync(undefined);
    return new ResultAsync(this.#acquire(3));
  }

  /** Gives the lock back, if this process holds it. */
  release(): ResultAsync<void, RunJournalError> {
    if (!this.#held) return okAsync(undefined);
    this.#held = false;
    return ResultAsync.fromPromise(rm(this.#path, { force: true }), (cause) =>
      runJournalError('io', `could not remove the journal lock ${this.#path}`, { cause }),
    );
  }

  async #acquire(triesLeft: number): Promise<Result<void, RunJournalError>> {
    const mine: LockContent = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
    try {
      await writeFile(this.#path, JSON.stringify(mine), { flag: 'wx' });
      this.#held = true;
      return ok(undefined);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') {
        return err(runJournalError('io', `could not create the journal lock ${this.#path}`, { cause }));
      }
    }
    const holder = await this.#holder();
    if (holder && isAlive(holder)) {
      return err(
        runJournalError('locked', `another run (pid ${holder.pid} on ${holder.host}) holds ${this.#path}`, {
          heldBy: `pid ${holder.pid} on ${holder.host}`,
        }),
      );
    }
    if (triesLeft <= 0) return err(runJournalError('locked', `could not take ${this.#path}`));
    // Stale (its process is gone) or unreadable (torn by a crash while it was written): move it aside.
    const aside = `${this.#path}.stale-${process.pid}-${Date.now()}`;
    try {
      await rename(this.#path, aside);
      await rm(aside, { force: true });
    } catch {
      // Someone else moved it first: try again.
    }
    return this.#acquire(triesLeft - 1);
  }

  async #holder(): Promise<LockContent | undefined> {
    try {
      const parsed = JSON.parse(await readFile(this.#path, 'utf8')) as Partial<LockContent>;
      return typeof parsed.pid === 'number'
        ? { pid: parsed.pid, host: parsed.host ?? '', at: parsed.at ?? '' }
        : undefined;
    } catch {
      return undefined;
    }
  }
}

function isAlive(holder: LockContent): boolean {
  // A pid on another host cannot be checked from here: treat it as alive.
  if (holder.host && holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}
