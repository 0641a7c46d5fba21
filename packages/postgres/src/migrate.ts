import type pg from 'pg';
import { applyMigrations, type Migration } from './apply-migrations.js';

const storeMigrations: readonly Migration[] = [
  {
    version: 1,
    statements: (s) => [
      `CREATE SEQUENCE IF NOT EXISTS ${s}.fencing_tokens`,
      // A released or expired lease keeps its row: a key is inserted once, and every later grant takes its
      // fencing token from the sequence under the row lock, so tokens of one key only ever grow.
      `CREATE TABLE IF NOT EXISTS ${s}.entity_leases (
         key text PRIMARY KEY,
         holder text NOT NULL,
         fencing_token bigint NOT NULL,
         expires_at timestamptz NOT NULL
       )`,
      `CREATE TABLE IF NOT EXISTS ${s}.run_entries (
         seq bigserial PRIMARY KEY,
         run_id text NOT NULL,
         entry jsonb NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS run_entries_run_id ON ${s}.run_entries (run_id, seq)`,
    ],
  },
  {
    version: 2,
    // A plan's runs found by its hash (startRun), not by reading every entry.
    statements: (s) => [
      `CREATE INDEX IF NOT EXISTS run_entries_plan ON ${s}.run_entries ((entry->>'planHash')) WHERE entry->>'type' = 'run-started'`,
    ],
  },
];

/** Creates the schema, the lease table and its fencing sequence, and the journal table, if missing. */
export async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  await applyMigrations(
    pool,
    { schema, versionTable: 'migrations', lockName: `changeplane:migrate:${schema}` },
    storeMigrations,
  );
}
