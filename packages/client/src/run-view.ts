import type { components } from './_generated/openapi.js';

/** A run as the server shows it (`GET /v1/runs/{id}`). */
export type RunView = components['schemas']['Run'];
export type RunState = RunView['state'];
/** What `submit` answers: the run's id, its state and its place in line while queued. */
export type RunAccepted = components['schemas']['RunAccepted'];
export type RunPage = components['schemas']['RunPage'];

const finalStates: ReadonlySet<RunState> = new Set(['succeeded', 'failed', 'cancelled']);

/** Whether the run has ended: succeeded, failed or cancelled. */
export function isFinal(run: Pick<RunView, 'state'>): boolean {
  return finalStates.has(run.state);
}

/**
 * One event of a run, as `changeplane apply --json` prints it (docs/cli-events.md), with `at`. `type` names it:
 * `run-started`, `task-added`, `task-status`, ..., `run-finished` (with `exitCode`, `reason`, `summary`).
 */
export interface HostRunEvent {
  readonly type: string;
  readonly at?: string;
  readonly [field: string]: unknown;
}

/** An event of the stream: its store id (pass it back as `lastEventId` to resume after it) and the event. */
export interface RunStreamEvent {
  readonly id: number;
  readonly event: HostRunEvent;
}
