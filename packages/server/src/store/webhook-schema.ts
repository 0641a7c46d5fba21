/** The webhook channel's NOTIFY payload: a delivery is due (the other payloads are run ids or `claim`). */
export const webhookWake = 'webhook';

/** The run events a subscription may ask for. */
export const webhookEvents = ['queued', 'started', 'awaiting-approval', 'succeeded', 'failed', 'cancelled'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/**
 * The tables of webhooks, version 2: subscriptions, one delivery row per (subscription, run event) made by a
 * trigger on `runs` in the same transaction as the state change (so no event is lost to a crash), and the log
 * of each attempt. Every statement is idempotent.
 */
export function webhookTables(s: string): readonly string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.webhook_subscriptions (
       id uuid PRIMARY KEY,
       tenant text NOT NULL,
       url text NOT NULL,
       events text[] NOT NULL,
       secret text NOT NULL,
       created_by text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX IF NOT EXISTS webhook_subscriptions_tenant ON ${s}.webhook_subscriptions (tenant)`,
    `CREATE TABLE IF NOT EXISTS ${s}.webhook_deliveries (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       subscription_id uuid NOT NULL REFERENCES ${s}.webhook_subscriptions (id) ON DELETE CASCADE,
       run_id uuid NOT NULL,
       event text NOT NULL,
       payload jsonb NOT NULL,
       state text NOT NULL DEFAULT 'pending',
       attempts integer NOT NULL DEFAULT 0,
       next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       delivered_at timestamptz
     )`,
    `CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON ${s}.webhook_deliveries (next_attempt_at) WHERE state = 'pending'`,
    `CREATE INDEX IF NOT EXISTS webhook_deliveries_subscription ON ${s}.webhook_deliveries (subscription_id, created_at)`,
    `CREATE TABLE IF NOT EXISTS ${s}.webhook_attempts (
       id bigserial PRIMARY KEY,
       delivery_id uuid NOT NULL REFERENCES ${s}.webhook_deliveries (id) ON DELETE CASCADE,
       at timestamptz NOT NULL DEFAULT clock_timestamp(),
       status_code integer,
       duration_ms integer NOT NULL,
       error text
     )`,
    `CREATE INDEX IF NOT EXISTS webhook_attempts_delivery ON ${s}.webhook_attempts (delivery_id, id)`,
    runEventTrigger(s),
    `DROP TRIGGER IF EXISTS runs_webhook_events ON ${s}.runs`,
    // Only statements that set a run's state, reason or start: event appends (tasks) do not call it.
    `CREATE TRIGGER runs_webhook_events AFTER INSERT OR UPDATE OF state, reason, started_at ON ${s}.runs
       FOR EACH ROW EXECUTE FUNCTION ${s}.enqueue_webhook_deliveries()`,
  ];
}

/** The function behind the trigger: which event a change of a run is, and a delivery per subscription to it. */
function runEventTrigger(s: string): string {
  return `CREATE OR REPLACE FUNCTION ${s}.enqueue_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    happened text;
  BEGIN
    IF TG_OP = 'INSERT' THEN
      happened := 'queued';
    ELSIF NEW.state IN ('succeeded', 'failed', 'cancelled') AND NEW.state IS DISTINCT FROM OLD.state THEN
      happened := NEW.state;
    ELSIF NEW.reason = 'awaiting approval' AND OLD.reason IS DISTINCT FROM NEW.reason THEN
      happened := 'awaiting-approval';
    ELSIF NEW.started_at IS NOT NULL AND OLD.started_at IS NULL THEN
      happened := 'started';
    ELSE
      RETURN NULL;
    END IF;
    INSERT INTO ${s}.webhook_deliveries (subscription_id, run_id, event, payload)
    SELECT w.id, NEW.id, happened, jsonb_build_object(
      'type', 'run.' || happened,
      'timestamp', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'data', jsonb_strip_nulls(jsonb_build_object(
        'runId', NEW.id, 'tenant', NEW.tenant, 'state', NEW.state, 'reason', NEW.reason,
        'exitCode', NEW.exit_code, 'submittedBy', NEW.submitted_by)))
    FROM ${s}.webhook_subscriptions w WHERE w.tenant = NEW.tenant AND happened = ANY (w.events);
    IF FOUND THEN PERFORM pg_notify('changeplane_host_' || TG_TABLE_SCHEMA, '${webhookWake}'); END IF;
    RETURN NULL;
  END $$`;
}
