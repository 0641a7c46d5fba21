import type pg from 'pg';

/**
 * Creates the schema, the lease table and its fencing sequence, and the journal table, if missing. Every
 * statement is idempotent, and all of them run in one transaction under a transaction-scoped advisory lock,
 * so bots that start together never race on `CREATE ... IF NOT EXISTS`.
 */
export async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  const s = `"${schema}"`;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`changeplane:migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = await client.query<{ version: number }>(`SELECT version FROM ${s}.migrations`);
    if (!applied.rows.some((row) => row.version === 1)) {
      await client.query(`CREATE SEQUENCE IF NOT EXISTS ${s}.fencing_tokens`);
      // A released or expired lease keeps its row: a key is inserted once, and every later grant takes its
      // fencing token from the sequence under the row lock, so tokens of one key only ever grow.
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${s}.entity_leases (
           key text PRIMARY KEY,
           holder text NOT NULL,
           fencing_token bigint NOT NULL,
           expires_at timestamptz NOT NULL
         )`,
      );
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${s}.run_entries (
           seq bigserial PRIMARY KEY,
           run_id text NOT NULL,
           entry jsonb NOT NULL
         )`,
      );
      await client.query(`CREATE INDEX IF NOT EXISTS run_entries_run_id ON ${s}.run_entries (run_id, seq)`);
      await client.query(`INSERT INTO ${s}.migrations (version) VALUES (1) ON CONFLICT DO NOTHING`);
    }
    if (!applied.rows.some((row) => row.version === 2)) {
      // A plan's runs found by its hash (startRun), not by reading every entry.
      await client.query(
        `CREATE INDEX IF NOT EXISTS run_entries_plan ON ${s}.run_entries ((entry->>'planHash')) WHERE entry->>'type' = 'run-started'`,
      );
      await client.query(`INSERT INTO ${s}.migrations (version) VALUES (2) ON CONFLICT DO NOTHING`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
