import type { ResultAsync } from 'neverthrow';
import type { StoreError } from '../host/host-store.js';
import type { RunView } from '../host/run-view.js';
import type { HostDatabase } from './host-database.js';
import { withPlaces } from './run-queries.js';
import { type RunRow, runViewColumns } from './run-row.js';

/** The runs a status overview shows: the line, what runs now, and the latest finished ones. */
export interface OverviewRuns {
  /** Queued runs not yet claimed, by place in line (1 first). */
  readonly queue: readonly RunView[];
  /** Claimed runs not finished: running, or planned and awaiting approval. */
  readonly running: readonly RunView[];
  /** Finished runs, the latest first. */
  readonly recent: readonly RunView[];
}

export interface OverviewFilter {
  /** Only this tenant's runs; every tenant's when absent. */
  readonly tenant?: string;
  /** How many finished runs (default 20). */
  readonly recent?: number;
  /** At most this many unfinished runs (default 500): a page, not the whole backlog of a flooded host. */
  readonly active?: number;
}

function activeRuns(db: HostDatabase, filter: OverviewFilter): ResultAsync<RunView[], StoreError> {
  return db
    .query<RunRow>(
      'overview active runs',
      `SELECT ${runViewColumns} FROM ${db.s}.runs
       WHERE finished_at IS NULL AND state IN ('queued', 'running') AND ($1::text IS NULL OR tenant = $1)
       ORDER BY seq LIMIT $2`,
      [filter.tenant ?? null, filter.active ?? 500],
    )
    .andThen((result) => withPlaces(db, result.rows));
}

function recentRuns(db: HostDatabase, filter: OverviewFilter): ResultAsync<RunView[], StoreError> {
  return db
    .query<RunRow>(
      'overview recent runs',
      `SELECT ${runViewColumns} FROM ${db.s}.runs
       WHERE state IN ('succeeded', 'failed', 'cancelled') AND ($1::text IS NULL OR tenant = $1)
       ORDER BY finished_at DESC NULLS LAST, seq DESC LIMIT $2`,
      [filter.tenant ?? null, filter.recent ?? 20],
    )
    .andThen((result) => withPlaces(db, result.rows));
}

const byPlace = (a: RunView, b: RunView) =>
  (a.position ?? 0) - (b.position ?? 0) || a.createdAt.localeCompare(b.createdAt);

/** The line, the running runs and the latest finished ones, of one tenant or all. */
export function readOverviewRuns(db: HostDatabase, filter: OverviewFilter = {}): ResultAsync<OverviewRuns, StoreError> {
  return activeRuns(db, filter).andThen((active) =>
    recentRuns(db, filter).map((recent) => ({
      queue: active.filter((run) => run.position !== undefined).sort(byPlace),
      running: active.filter((run) => run.position === undefined),
      recent,
    })),
  );
}
