import type { ResultAsync } from 'neverthrow';
import type { StoreError } from '../host/host-store.js';
import type { HostDatabase } from '../store/host-database.js';
import type { WebhookEvent } from '../store/webhook-schema.js';

/** A subscription as the API shows it: never its secret. */
export interface WebhookSubscriptionView {
  readonly id: string;
  readonly tenant: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface WebhookAttemptView {
  readonly at: string;
  readonly statusCode?: number;
  readonly durationMs: number;
  readonly error?: string;
}

export interface WebhookDeliveryView {
  readonly id: string;
  readonly runId: string;
  readonly event: string;
  /** `pending` (sent again at `nextAttemptAt`), `delivered`, or `failed` (attempts used up). */
  readonly state: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt?: string;
  readonly createdAt: string;
  readonly deliveredAt?: string;
  readonly log: readonly WebhookAttemptView[];
}

interface SubscriptionRow {
  id: string;
  tenant: string;
  url: string;
  events: WebhookEvent[];
  created_by: string;
  created_at: Date;
}

const subscriptionColumns = 'id, tenant, url, events, created_by, created_at';

const subscriptionView = (row: SubscriptionRow): WebhookSubscriptionView => ({
  id: row.id,
  tenant: row.tenant,
  url: row.url,
  events: row.events,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
});

export function insertSubscription(
  db: HostDatabase,
  row: Omit<WebhookSubscriptionView, 'createdAt'> & { readonly sealedSecret: string },
): ResultAsync<WebhookSubscriptionView, StoreError> {
  return db
    .query<SubscriptionRow>(
      'webhook subscription insert',
      `INSERT INTO ${db.s}.webhook_subscriptions (id, tenant, url, events, secret, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${subscriptionColumns}`,
      [row.id, row.tenant, row.url, [...row.events], row.sealedSecret, row.createdBy],
    )
    .map((result) => subscriptionView(result.rows[0]!));
}

/** A tenant's subscriptions (every tenant's when `tenant` is undefined), oldest first. */
export function selectSubscriptions(
  db: HostDatabase,
  tenant: string | undefined,
): ResultAsync<readonly WebhookSubscriptionView[], StoreError> {
  return db
    .query<SubscriptionRow>(
      'webhook subscription list',
      `SELECT ${subscriptionColumns} FROM ${db.s}.webhook_subscriptions
       WHERE $1::text IS NULL OR tenant = $1 ORDER BY created_at, id`,
      [tenant ?? null],
    )
    .map((result) => result.rows.map(subscriptionView));
}

export function selectSubscription(
  db: HostDatabase,
  id: string,
): ResultAsync<WebhookSubscriptionView | undefined, StoreError> {
  return db
    .query<SubscriptionRow>(
      'webhook subscription read',
      `SELECT ${subscriptionColumns} FROM ${db.s}.webhook_subscriptions WHERE id = $1`,
      [id],
    )
    .map((result) => (result.rows[0] ? subscriptionView(result.rows[0]) : undefined));
}

/** Deletes a subscription with its deliveries and their log. */
export function deleteSubscription(db: HostDatabase, id: string): ResultAsync<boolean, StoreError> {
  return db
    .query('webhook subscription delete', `DELETE FROM ${db.s}.webhook_subscriptions WHERE id = $1`, [id])
    .map((result) => result.rowCount === 1);
}

interface DeliveryRow {
  id: string;
  run_id: string;
  event: string;
  state: WebhookDeliveryView['state'];
  attempts: number;
  next_attempt_at: Date;
  created_at: Date;
  delivered_at: Date | null;
  log: { at: string; status_code: number | null; duration_ms: number; error: string | null }[];
}

const deliveryView = (row: DeliveryRow): WebhookDeliveryView => ({
  id: row.id,
  runId: row.run_id,
  event: row.event,
  state: row.state,
  attempts: row.attempts,
  ...(row.state === 'pending' ? { nextAttemptAt: row.next_attempt_at.toISOString() } : {}),
  createdAt: row.created_at.toISOString(),
  ...(row.delivered_at ? { deliveredAt: row.delivered_at.toISOString() } : {}),
  log: row.log.map((attempt) => ({
    at: new Date(attempt.at).toISOString(),
    ...(attempt.status_code !== null ? { statusCode: attempt.status_code } : {}),
    durationMs: attempt.duration_ms,
    ...(attempt.error !== null ? { error: attempt.error } : {}),
  })),
});

/** The newest deliveries of a subscription, each with its attempts in order. */
export function selectDeliveries(
  db: HostDatabase,
  subscriptionId: string,
  limit: number,
): ResultAsync<readonly WebhookDeliveryView[], StoreError> {
  return db
    .query<DeliveryRow>(
      'webhook delivery list',
      `SELECT d.id, d.run_id, d.event, d.state, d.attempts, d.next_attempt_at, d.created_at, d.delivered_at,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('at', a.at, 'status_code', a.status_code,
           'duration_ms', a.duration_ms, 'error', a.error) ORDER BY a.id)
           FROM ${db.s}.webhook_attempts a WHERE a.delivery_id = d.id), '[]') AS log
       FROM ${db.s}.webhook_deliveries d WHERE d.subscription_id = $1
       ORDER BY d.created_at DESC, d.id LIMIT $2`,
      [subscriptionId, limit],
    )
    .map((result) => result.rows.map(deliveryView));
}
