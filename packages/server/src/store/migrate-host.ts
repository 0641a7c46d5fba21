import type pg from 'pg';
import { queueFunctions } from '../queue/queue-functions.js';
import { hostTables } from './host-schema.js';
import { webhookTables } from './webhook-schema.js';

/** The advisory lock name claimers serialize on, per schema. */
function claimLockName(schema: string): string {
  return `changeplane:claim:${schema}`;
}

/**
 * Creates the host's schema if missing: every statement idempotent, all in one transaction under a
 * transaction-scoped advisory lock, so servers that start together never race on `CREATE ... IF NOT EXISTS`.
 */
export async function migrateHost(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  const s = `"${schema}"`;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`changeplane:migrate-host:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.host_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = await client.query<{ version: number }>(`SELECT version FROM ${s}.host_migrations`);
    if (!applied.rows.some((row) => row.version === 1)) {
      for (const statement of [...hostTables(s), ...queueFunctions(s, claimLockName(schema))]) {
        await client.query(statement);
      }
      await client.query(`INSERT INTO ${s}.host_migrations (version) VALUES (1) ON CONFLICT DO NOTHING`);
    }
    // Version 2: webhook subscriptions, deliveries and their attempts.
    if (!applied.rows.some((row) => row.version === 2)) {
      for (const statement of webhookTables(s)) await client.query(statement);
      await client.query(`INSERT INTO ${s}.host_migrations (version) VALUES (2) ON CONFLICT DO NOTHING`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
