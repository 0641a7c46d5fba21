import type { HostDatabase } from '../store/host-database.js';

/** When a run was submitted and started, and the lock hand-off its claim measured (if it waited on a release). */
export interface RunTiming {
  readonly createdAt: Date;
  readonly startedAt: Date;
  readonly handoffMs?: number;
}

/** Reads a run's timing from the store; `undefined` when it cannot (the observation is skipped, the run is not). */
export async function readRunTiming(db: HostDatabase, runId: string): Promise<RunTiming | undefined> {
  const read = await db.query<{ created_at: Date; started_at: Date | null; handoff_ms: string | null }>(
    'run timing read',
    `SELECT r.created_at, r.started_at,
       (SELECT (a.detail ->> 'ms') FROM ${db.s}.audit a WHERE a.run = r.id AND a.action = 'lock-handoff'
        ORDER BY a.id DESC LIMIT 1) AS handoff_ms
     FROM ${db.s}.runs r WHERE r.id = $1`,
    [runId],
  );
  const row = read.isOk() ? read.value.rows[0] : undefined;
  if (!row?.started_at) return undefined;
  return {
    createdAt: row.created_at,
    startedAt: row.started_at,
    ...(row.handoff_ms !== null ? { handoffMs: Number(row.handoff_ms) } : {}),
  };
}
