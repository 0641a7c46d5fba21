import type { RunnerEvent } from '@changeplane/server';
import type { RunEvent } from '../output/run-event.js';
import type { RunReporter } from '../output/run-reporter.js';
import { shownEvent } from '../output/shown-event.js';

/**
 * A hosted run's reporter: every event, as `--json` shows it, appended to the host's event log in order. The
 * run loop emits synchronously; `flushed()` resolves once every event is written. A write that fails is kept
 * (the first one) and stops further writes: the host learns of it when the run ends.
 */
export class EventLogReporter implements RunReporter {
  readonly #append: (event: RunnerEvent) => Promise<void>;
  readonly #observe: (event: RunEvent) => void;
  #chain: Promise<void> = Promise.resolve();
  #failure: unknown;

  constructor(append: (event: RunnerEvent) => Promise<void>, observe: (event: RunEvent) => void = () => undefined) {
    this.#append = append;
    this.#observe = observe;
  }

  emit(event: RunEvent): void {
    this.#observe(event);
    const shown = { ...shownEvent(event), at: new Date().toISOString() } as RunnerEvent;
    this.#chain = this.#chain.then(async () => {
      if (this.#failure !== undefined) return;
      try {
        await this.#append(shown);
      } catch (error) {
        this.#failure = error;
      }
    });
  }

  close(): void {}

  /** Resolves when every event emitted so far is written; says whether all were. */
  async flushed(): Promise<{ readonly written: true } | { readonly written: false; readonly cause: unknown }> {
    await this.#chain;
    return this.#failure === undefined ? { written: true } : { written: false, cause: this.#failure };
  }
}
