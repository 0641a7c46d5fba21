import type { RunEvent } from './run-event.js';
import { shownChange } from './shown-change.js';
import { shownOutputs } from './shown-outputs.js';

/**
 * An event as bots are given it (`--json`, a host's event log): a change's detail and outputs whole (not cut),
 * secret-looking values masked as on screen.
 */
export function shownEvent(event: RunEvent): RunEvent {
  if (event.type === 'task-changes') return { ...event, changes: event.changes.map(shownChange) };
  if (event.type === 'task-outputs') return { ...event, outputs: shownOutputs(event.outputs) };
  return event;
}
