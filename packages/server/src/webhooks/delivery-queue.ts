import type { ResultAsync } from 'neverthrow';
import type { StoreError } from '../host/host-store.js';
import type { HostDatabase } from '../store/host-database.js';

/** A delivery a server took to send: what to send, where, and the sealed secret to sign it with. */
export interface DueDelivery {
  readonly id: string;
  readonly runId: string;
  readonly tenant: string;
  readonly event: string;
  readonly attempts: number;
  readonly url: string;
  readonly sealedSecret: string;
  readonly body: string;
}

/**
 * Takes up to `max` due deliveries and pushes their next attempt `leaseMs` away, in one statement: another
 * server skips them while this one sends, and takes them once the lease ends if this one died sending.
 */
export function takeDueDeliveries(
  db: HostDatabase,
  leaseMs: number,
  max: number,
): ResultAsync<readonly DueDelivery[], StoreError> {
  return db
    .query<{
      id: string;
      run_id: string;
      tenant: string;
      event: string;
      attempts: number;
      url: string;
      secret: string;
      payload: unknown;
    }>(
      'webhook delivery claim',
      `WITH due AS (
         SELECT id FROM ${db.s}.webhook_deliveries
         WHERE state = 'pending' AND next_attempt_at <= clock_timestamp()
         ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       leased AS (
         UPDATE ${db.s}.webhook_deliveries d
         SET next_attempt_at = clock_timestamp() + make_interval(secs => $1::double precision / 1000)
         FROM due WHERE d.id = due.id
         RETURNING d.id, d.run_id, d.event, d.attempts, d.payload, d.subscription_id)
       SELECT l.id, l.run_id, w.tenant, l.event, l.attempts, w.url, w.secret, l.payload
       FROM leased l JOIN ${db.s}.webhook_subscriptions w ON w.id = l.subscription_id`,
      [leaseMs, max],
    )
    .map((result) =>
      result.rows.map((row) => ({
        id: row.id,
        runId: row.run_id,
        tenant: row.tenant,
        event: row.event,
        attempts: row.attempts,
        url: row.url,
        sealedSecret: row.secret,
        body: JSON.stringify(row.payload),
      })),
    );
}

/** One attempt's result: the answer's status or the error, and how long it took. */
export interface AttemptResult {
  readonly statusCode?: number;
  readonly durationMs: number;
  readonly error?: string;
}

/** Logs an attempt and moves the delivery on: delivered, again at `retryInMs`, or failed (no `retryInMs`). */
export function recordAttempt(
  db: HostDatabase,
  deliveryId: string,
  attempt: AttemptResult,
  next: { readonly delivered: boolean; readonly retryInMs?: number },
): ResultAsync<void, StoreError> {
  const state = next.delivered ? 'delivered' : next.retryInMs === undefined ? 'failed' : 'pending';
  return db
    .query(
      'webhook attempt record',
      `WITH logged AS (
         INSERT INTO ${db.s}.webhook_attempts (delivery_id, status_code, duration_ms, error) VALUES ($1, $2, $3, $4))
       UPDATE ${db.s}.webhook_deliveries SET attempts = attempts + 1, state = $5,
         delivered_at = CASE WHEN $5 = 'delivered' THEN clock_timestamp() END,
         next_attempt_at = clock_timestamp() + make_interval(secs => COALESCE($6::double precision, 0) / 1000)
       WHERE id = $1`,
      [
        deliveryId,
        attempt.statusCode ?? null,
        Math.round(attempt.durationMs),
        attempt.error ?? null,
        state,
        next.retryInMs ?? null,
      ],
    )
    .map(() => undefined);
}
