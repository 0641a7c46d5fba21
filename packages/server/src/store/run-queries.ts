import { randomUUID } from 'node:crypto';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import type { Page, RunActionError, StoredEvent, StoreError, Submission, SubmitError } from '../host/host-store.js';
import type { RunState, RunView } from '../host/run-view.js';
import type { RunnerEvent } from '../plan-runner.js';
import { isUuid } from './audit-queries.js';
import type { HostDatabase } from './host-database.js';
import { claimWake } from './host-notifications.js';
import { isWaiting, type QueuePlace, type RunRow, runView, runViewColumns } from './run-row.js';

/** Queues a run; the same tenant and key give back the first run, or a conflict when the plan differs. */
export function submitRun(
  db: HostDatabase,
  submission: Submission,
): ResultAsync<{ readonly run: RunView; readonly created: boolean }, SubmitError> {
  const { identity, plan } = submission;
  const locks = [...new Set(plan.locks)].sort();
  return db
    .query<RunRow>(
      'run submit',
      `WITH inserted AS (
         INSERT INTO ${db.s}.runs (id, tenant, submitted_by, state, document, digest, locks, targets, idempotency_key, requires_approval)
         VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant, idempotency_key) DO NOTHING RETURNING ${runViewColumns}),
       logged AS (
         INSERT INTO ${db.s}.audit (actor, tenant, run, action, detail)
         SELECT $3, tenant, id, 'submitted', jsonb_build_object('digest', digest, 'locks', to_jsonb(locks)) FROM inserted)
       SELECT inserted.*, pg_notify($10, $11) FROM inserted`,
      [
        randomUUID(),
        identity.tenant,
        identity.name,
        JSON.stringify(plan.document ?? null),
        plan.digest,
        locks,
        JSON.stringify(plan.targets),
        submission.idempotencyKey ?? null,
        identity.requiresApproval,
        db.channel,
        claimWake,
      ],
    )
    .andThen((result): ResultAsync<{ run: RunView; created: boolean }, SubmitError> => {
      const row = result.rows[0];
      if (row) return withPlaces(db, [row]).map(([run]) => ({ run: run!, created: true }));
      return earlierSubmission(db, identity.tenant, submission.idempotencyKey ?? '', plan.digest);
    });
}

function earlierSubmission(
  db: HostDatabase,
  tenant: string,
  key: string,
  digest: string,
): ResultAsync<{ run: RunView; created: boolean }, SubmitError> {
  return db
    .query<RunRow>(
      'run submit',
      `SELECT ${runViewColumns} FROM ${db.s}.runs WHERE tenant = $1 AND idempotency_key = $2`,
      [tenant, key],
    )
    .andThen((result): ResultAsync<{ run: RunView; created: boolean }, SubmitError> => {
      const row = result.rows[0];
      if (!row) return errAsync({ kind: 'store', message: 'the earlier run of this idempotency key is gone' });
      if (row.digest !== digest) {
        return errAsync({
          kind: 'idempotency-conflict',
          message: `idempotency key ${key} was used for another plan (run ${row.id})`,
          runId: row.id,
        });
      }
      return withPlaces(db, [row]).map(([run]) => ({ run: run!, created: false }));
    });
}

/** Views of runs, with the place in line of those waiting (one statement for all of them). */
export function withPlaces(db: HostDatabase, rows: readonly RunRow[]): ResultAsync<RunView[], StoreError> {
  const waiting = rows.filter(isWaiting).map((row) => row.id);
  if (waiting.length === 0) return okAsync(rows.map((row) => runView(row)));
  return db
    .query<{ id: string; place: string; waiting: string[] }>(
      'run position',
      `SELECT * FROM ${db.s}.run_positions($1::uuid[])`,
      [waiting],
    )
    .map((result) => {
      const places = new Map<string, QueuePlace>(
        result.rows.map((place) => [place.id, { position: Number(place.place), waiting: place.waiting }]),
      );
      return rows.map((row) => runView(row, places.get(row.id)));
    });
}

export function getRun(db: HostDatabase, runId: string): ResultAsync<RunView | undefined, StoreError> {
  if (!isUuid(runId)) return okAsync(undefined);
  return db
    .query<RunRow>('run read', `SELECT ${runViewColumns} FROM ${db.s}.runs WHERE id = $1`, [runId])
    .andThen((result) => (result.rows[0] ? withPlaces(db, result.rows).map(([run]) => run) : okAsync(undefined)));
}

export interface RunFilter {
  readonly tenant?: string;
  readonly state?: RunState;
  readonly cursor?: string;
  readonly limit?: number;
}

/** Runs in submission order, `limit` a page (default 50, at most 500); `cursor` is the last run's order. */
export function listRuns(db: HostDatabase, filter: RunFilter): ResultAsync<Page<RunView>, StoreError> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const after = /^\d{1,18}$/.test(filter.cursor ?? '') ? filter.cursor : '0';
  return db
    .query<RunRow>(
      'run list',
      `SELECT ${runViewColumns} FROM ${db.s}.runs
       WHERE seq > $1 AND ($2::text IS NULL OR tenant = $2) AND ($3::text IS NULL OR state = $3)
       ORDER BY seq LIMIT $4`,
      [after, filter.tenant ?? null, filter.state ?? null, limit + 1],
    )
    .andThen((result) => {
      const rows = result.rows.slice(0, limit);
      const next = result.rows.length > limit ? rows.at(-1)!.seq : undefined;
      return withPlaces(db, rows).map((items) => (next ? { items, next } : { items }));
    });
}

export function readEvents(
  db: HostDatabase,
  runId: string,
  afterId?: number,
): ResultAsync<readonly StoredEvent[], StoreError> {
  if (!isUuid(runId)) return okAsync([]);
  return db
    .query<{ id: string; event: RunnerEvent }>(
      'event read',
      `SELECT id, event FROM ${db.s}.run_events WHERE run_id = $1 AND id > $2 ORDER BY id`,
      [runId, Math.max(0, Math.trunc(afterId ?? 0))],
    )
    .map((result) => result.rows.map((row) => ({ id: Number(row.id), runId, event: row.event })));
}

/** Why an action changed no run: there is none, or it is in a state the action does not apply to. */
export function actionRefused(
  db: HostDatabase,
  runId: string,
  why: (run: RunView) => string,
): ResultAsync<never, RunActionError> {
  return getRun(db, runId).andThen((run) =>
    errAsync<never, RunActionError>(
      run
        ? { kind: 'conflict', message: why(run), state: run.state }
        : { kind: 'not-found', message: `no run ${runId}` },
    ),
  );
}
