/**
 * The queue's functions, created by the migration. `claim_run` is the claim: one call, one transaction, one
 * round trip. Claimers are serialized by a transaction-scoped advisory lock, so the walk sees every lock
 * taken before it; the primary key of `held_locks` still refuses a double hold should anything slip past.
 *
 * Priority (docs/server-queue.md): waiting runs are walked by (rank of the run among its tenant's waiting
 * runs, when its tenant last had a run claimed, submission order), so tenants take turns. A run whose locks
 * are not all free reserves them for the rest of the walk: a later run needing any of them waits behind it
 * (conservative backfill), so nothing starves and one tenant's runs keep their order per entity.
 */
export function queueFunctions(s: string, claimLockName: string): readonly string[] {
  return [claimRunFunction(s, claimLockName), runPositionsFunction(s), adoptRunsFunction(s)];
}

/**
 * Waiting runs with their priority: rank within their tenant, the tenant least recently served, submission
 * order. The claim walks them in this order, and the status page shows lines in it.
 */
export function waitingRuns(s: string): string {
  return `
    SELECT r.id, r.locks, r.tenant, r.seq, r.created_at,
           row_number() OVER (ORDER BY r.rank, coalesce(t.served, 0), r.seq) AS priority
    FROM (SELECT q.id, q.locks, q.tenant, q.seq, q.created_at,
                 row_number() OVER (PARTITION BY q.tenant ORDER BY q.seq) AS rank
          FROM ${s}.runs q
          WHERE q.started_at IS NULL AND q.state = 'queued' AND NOT q.cancel_requested) r
    LEFT JOIN ${s}.tenant_service t ON t.tenant = r.tenant`;
}

/** `claim_run`: the first waiting run whose locks are all free, claimed with all of them at once. */
function claimRunFunction(s: string, claimLockName: string): string {
  const waiting = waitingRuns(s);
  return `CREATE OR REPLACE FUNCTION ${s}.claim_run(p_server text) RETURNS SETOF ${s}.runs LANGUAGE plpgsql AS $$
   DECLARE
     reserved text[];
     candidate record;
     claimed ${s}.runs;
     handoff_ms double precision;
   BEGIN
     PERFORM pg_advisory_xact_lock(hashtext('${claimLockName}'));
     SELECT coalesce(array_agg(key), '{}') INTO reserved FROM ${s}.held_locks;
     FOR candidate IN ${waiting} ORDER BY priority LOOP
       IF NOT (candidate.locks && reserved) THEN
         -- Guarded: a cancel that committed since the walk began wins.
         UPDATE ${s}.runs SET state = 'running', server_id = p_server, started_at = clock_timestamp(), reason = NULL
           WHERE id = candidate.id AND state = 'queued' AND started_at IS NULL AND NOT cancel_requested
           RETURNING * INTO claimed;
         CONTINUE WHEN NOT FOUND;
         INSERT INTO ${s}.held_locks (key, run_id)
           SELECT k, candidate.id FROM unnest(candidate.locks) AS k ORDER BY k;
         INSERT INTO ${s}.tenant_service (tenant, served) VALUES (candidate.tenant, nextval('${s}.claim_order'))
           ON CONFLICT (tenant) DO UPDATE SET served = excluded.served;
         INSERT INTO ${s}.audit (actor, tenant, run, action, detail)
           VALUES ('server:' || p_server, candidate.tenant, candidate.id, 'started', jsonb_build_object('server', p_server));
         SELECT max(extract(epoch FROM clock_timestamp() - released_at) * 1000) INTO handoff_ms
           FROM ${s}.lock_releases WHERE key = ANY (candidate.locks) AND released_at > candidate.created_at;
         IF handoff_ms IS NOT NULL THEN
           INSERT INTO ${s}.audit (actor, tenant, run, action, detail)
             VALUES ('server:' || p_server, candidate.tenant, candidate.id, 'lock-handoff',
                     jsonb_build_object('ms', round(handoff_ms::numeric, 3), 'locks', to_jsonb(candidate.locks)));
         END IF;
         RETURN NEXT claimed;
         RETURN;
       END IF;
       reserved := reserved || candidate.locks;
     END LOOP;
   END $$`;
}

/**
 * `run_positions`: each waiting run's place in line and the locks it waits on. Position: 1 + the runs holding
 * any of its locks + the waiting runs ahead of it that share one.
 */
function runPositionsFunction(s: string): string {
  const waiting = waitingRuns(s);
  return `CREATE OR REPLACE FUNCTION ${s}.run_positions(p_ids uuid[])
     RETURNS TABLE (id uuid, place bigint, waiting text[]) LANGUAGE sql STABLE AS $$
     WITH queue AS (${waiting})
     SELECT me.id,
            1 + (SELECT count(DISTINCT h.run_id) FROM ${s}.held_locks h WHERE h.key = ANY (me.locks))
              + (SELECT count(*) FROM queue a WHERE a.priority < me.priority AND a.locks && me.locks),
            ARRAY(SELECT DISTINCT k FROM unnest(me.locks) AS k
                  WHERE EXISTS (SELECT 1 FROM ${s}.held_locks h WHERE h.key = k)
                     OR EXISTS (SELECT 1 FROM queue a WHERE a.priority < me.priority AND k = ANY (a.locks))
                  ORDER BY k)
     FROM queue me WHERE me.id = ANY (p_ids)
   $$`;
}

/**
 * `adopt_runs`: the active runs of servers that stopped heartbeating (or handed them over) move to p_server.
 * Their locks stay held: they are the run's, not the server's.
 */
function adoptRunsFunction(s: string): string {
  return `CREATE OR REPLACE FUNCTION ${s}.adopt_runs(p_server text, p_dead_after_ms integer, p_max integer, p_channel text)
     RETURNS SETOF ${s}.runs LANGUAGE sql AS $$
     WITH orphans AS (
       SELECT a.id, a.server_id AS previous FROM ${s}.runs a
       WHERE a.started_at IS NOT NULL AND a.finished_at IS NULL
         AND (a.server_id IS NULL OR NOT EXISTS (
           SELECT 1 FROM ${s}.servers v WHERE v.id = a.server_id AND NOT v.gone
             AND v.heartbeat_at >= clock_timestamp() - make_interval(secs => p_dead_after_ms / 1000.0)))
       ORDER BY a.seq LIMIT p_max FOR UPDATE SKIP LOCKED),
     adopted AS (
       UPDATE ${s}.runs r SET server_id = p_server FROM orphans o WHERE r.id = o.id RETURNING r.*, o.previous),
     logged AS (
       INSERT INTO ${s}.audit (actor, tenant, run, action, detail)
       SELECT 'server:' || p_server, tenant, id, 'adopted', jsonb_build_object('from', previous) FROM adopted)
     SELECT id, seq, tenant, submitted_by, state, reason, document, digest, locks, targets, tasks, idempotency_key,
            requires_approval, approval_digest, approval_decision, approval_by, cancel_requested, server_id,
            exit_code, created_at, started_at, finished_at
     -- The run's id is notified: the server it was taken from (alive but silent) stops carrying it.
     FROM adopted, LATERAL (SELECT pg_notify(p_channel, adopted.id::text)) AS told
   $$`;
}
