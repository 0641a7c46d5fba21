/**
 * The tables of the bot host, version 1. Every statement is idempotent (`IF NOT EXISTS`, `OR REPLACE`), and
 * `migrateHost` runs them in one transaction under an advisory lock.
 */
export function hostTables(s: string): readonly string[] {
  return [
    ...serverTables(s),
    ...runTables(s),
    ...lockTables(s),
    ...eventTables(s),
    ...auditTables(s),
    ...tokenTables(s),
  ];
}

/** The servers and their heartbeats. */
function serverTables(s: string): readonly string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.servers (
       id text PRIMARY KEY,
       heartbeat_at timestamptz NOT NULL DEFAULT now(),
       draining boolean NOT NULL DEFAULT false,
       gone boolean NOT NULL DEFAULT false
     )`,
  ];
}

/** The runs: the queue and what each run came to. */
function runTables(s: string): readonly string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.runs (
       id uuid PRIMARY KEY,
       seq bigserial UNIQUE,
       tenant text NOT NULL,
       submitted_by text NOT NULL,
       state text NOT NULL,
       reason text,
       document jsonb NOT NULL,
       digest text NOT NULL,
       locks text[] NOT NULL,
       targets jsonb NOT NULL,
       tasks jsonb NOT NULL DEFAULT '[]',
       idempotency_key text,
       requires_approval boolean NOT NULL DEFAULT false,
       approval_digest text,
       approval_decision text,
       approval_by text,
       cancel_requested boolean NOT NULL DEFAULT false,
       server_id text,
       exit_code integer,
       created_at timestamptz NOT NULL DEFAULT now(),
       started_at timestamptz,
       finished_at timestamptz,
       UNIQUE (tenant, idempotency_key)
     )`,
    // The queue: runs not yet claimed, walked in submission order per tenant.
    `CREATE INDEX IF NOT EXISTS runs_waiting ON ${s}.runs (tenant, seq) WHERE started_at IS NULL AND state = 'queued'`,
    // Runs a server carries out (running, or planned and awaiting approval): what adoption looks at.
    `CREATE INDEX IF NOT EXISTS runs_active ON ${s}.runs (server_id) WHERE started_at IS NOT NULL AND finished_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS runs_by_state ON ${s}.runs (state, seq)`,
  ];
}

/** Held locks, their releases, and whom the claim served last. */
function lockTables(s: string): readonly string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.held_locks (
       key text PRIMARY KEY,
       run_id uuid NOT NULL REFERENCES ${s}.runs (id),
       change_set jsonb,
       held_since timestamptz NOT NULL DEFAULT clock_timestamp()
     )`,
    `CREATE INDEX IF NOT EXISTS held_locks_run ON ${s}.held_locks (run_id)`,
    // When each key was last released: the claim that takes it next measures the hand-off from there.
    `CREATE TABLE IF NOT EXISTS ${s}.lock_releases (key text PRIMARY KEY, released_at timestamptz NOT NULL)`,
    // The last claim of each tenant (a counter, not a clock): ties between tenants go to the least recently served.
    `CREATE SEQUENCE IF NOT EXISTS ${s}.claim_order`,
    `CREATE TABLE IF NOT EXISTS ${s}.tenant_service (tenant text PRIMARY KEY, served bigint NOT NULL)`,
  ];
}

/** Each run's events, in order. */
function eventTables(s: string): readonly string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.run_events (
       id bigserial PRIMARY KEY,
       run_id uuid NOT NULL,
       event jsonb NOT NULL
     )`,
    `CREATE INDEX IF NOT EXISTS run_events_run ON ${s}.run_events (run_id, id)`,
  ];
}

/** The audit log, append-only. */
function auditTables(s: string): readonly string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.audit (
       id bigserial PRIMARY KEY,
       at timestamptz NOT NULL DEFAULT clock_timestamp(),
       actor text NOT NULL,
       tenant text,
       run uuid,
       action text NOT NULL,
       detail jsonb
     )`,
    `CREATE INDEX IF NOT EXISTS audit_tenant ON ${s}.audit (tenant, id)`,
    `CREATE INDEX IF NOT EXISTS audit_run ON ${s}.audit (run, id)`,
    `CREATE OR REPLACE FUNCTION ${s}.audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `DROP TRIGGER IF EXISTS audit_append_only ON ${s}.audit`,
    `CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON ${s}.audit
       FOR EACH ROW EXECUTE FUNCTION ${s}.audit_is_append_only()`,
    `DROP TRIGGER IF EXISTS audit_no_truncate ON ${s}.audit`,
    `CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON ${s}.audit
       FOR EACH STATEMENT EXECUTE FUNCTION ${s}.audit_is_append_only()`,
  ];
}

/** Bearer tokens, by name, stored as hashes. */
function tokenTables(s: string): readonly string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.tokens (
       name text PRIMARY KEY,
       hash text NOT NULL UNIQUE,
       tenant text NOT NULL,
       scopes text[] NOT NULL,
       approver boolean NOT NULL,
       admin boolean NOT NULL,
       requires_approval boolean NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       revoked_at timestamptz
     )`,
  ];
}
