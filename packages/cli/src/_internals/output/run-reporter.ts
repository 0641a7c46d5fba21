import type { RunEvent } from './run-event.js';

/** Receives a run's events; `close` flushes whatever is on screen. */
export interface RunReporter {
  emit(event: RunEvent): void;
  close(): void;
}
