import type { RunEvent } from './run-event.js';
import type { RunReporter } from './run-reporter.js';
import { shownEvent } from './shown-event.js';

/** `--json`: one JSON object per event and line, with a timestamp, for bots. */
export class JsonLinesReporter implements RunReporter {
  readonly #write: (line: string) => void;

  constructor(write: (line: string) => void = (line) => process.stdout.write(line)) {
    this.#write = write;
  }

  emit(event: RunEvent): void {
    this.#write(`${JSON.stringify({ ...shownEvent(event), at: new Date().toISOString() })}\n`);
  }

  close(): void {}
}
