import type { RunEvent } from './run-event.js';
import type { RunReporter } from './run-reporter.js';
import { shownChange } from './shown-change.js';
import { shownOutputs } from './shown-outputs.js';

/** `--json`: one JSON object per event and line, with a timestamp, for bots. */
export class JsonLinesReporter implements RunReporter {
  readonly #write: (line: string) => void;

  constructor(write: (line: string) => void = (line) => process.stdout.write(line)) {
    this.#write = write;
  }

  emit(event: RunEvent): void {
    // A change's detail and outputs whole (not cut), secret-looking values masked as on screen.
    const shown =
      event.type === 'task-changes'
        ? { ...event, changes: event.changes.map(shownChange) }
        : event.type === 'task-outputs'
          ? { ...event, outputs: shownOutputs(event.outputs) }
          : event;
    this.#write(`${JSON.stringify({ ...shown, at: new Date().toISOString() })}\n`);
  }

  close(): void {}
}
