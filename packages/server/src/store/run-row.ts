import type { RunState, RunTaskView, RunView } from '../host/run-view.js';

/** A `runs` row as pg returns it. */
export interface RunRow {
  readonly id: string;
  readonly seq: string;
  readonly tenant: string;
  readonly submitted_by: string;
  readonly state: RunState;
  readonly reason: string | null;
  readonly document: unknown;
  readonly digest: string;
  readonly locks: string[];
  readonly tasks: RunTaskView[];
  readonly requires_approval: boolean;
  readonly approval_digest: string | null;
  readonly approval_decision: string | null;
  readonly cancel_requested: boolean;
  readonly server_id: string | null;
  readonly exit_code: number | null;
  readonly created_at: Date;
  readonly started_at: Date | null;
  readonly finished_at: Date | null;
}

/** Where a waiting run stands: its place in line and the locks it waits on. */
export interface QueuePlace {
  readonly position: number;
  readonly waiting: readonly string[];
}

/** The view of a run; `place` when it waits in the queue. */
export function runView(row: RunRow, place?: QueuePlace): RunView {
  const awaiting = row.approval_digest !== null && row.approval_decision === null && row.finished_at === null;
  const reason = place
    ? place.waiting.length > 0
      ? `waiting for ${place.waiting.join(', ')}`
      : 'next in line'
    : (row.reason ?? undefined);
  return {
    id: row.id,
    tenant: row.tenant,
    submittedBy: row.submitted_by,
    state: row.state,
    ...(reason ? { reason } : {}),
    ...(place ? { position: place.position } : {}),
    digest: row.digest,
    locks: row.locks,
    tasks: row.tasks,
    ...(awaiting ? { awaitingApproval: { digest: row.approval_digest! } } : {}),
    ...(row.exit_code !== null ? { exitCode: row.exit_code } : {}),
    createdAt: row.created_at.toISOString(),
    ...(row.started_at ? { startedAt: row.started_at.toISOString() } : {}),
    ...(row.finished_at ? { finishedAt: row.finished_at.toISOString() } : {}),
  };
}

/** Whether a run waits in the queue (not claimed yet): only those have a position. */
export function isWaiting(row: RunRow): boolean {
  return row.state === 'queued' && row.started_at === null && !row.cancel_requested;
}

/** Columns of `runs` a view needs (not the document). */
export const runViewColumns =
  'id, seq, tenant, submitted_by, state, reason, digest, locks, tasks, requires_approval, approval_digest, approval_decision, cancel_requested, server_id, exit_code, created_at, started_at, finished_at';
