import type pg from 'pg';

/** One step of a schema: its version and its statements (`s` is the quoted schema name). */
export interface Migration {
  /** Applied once, in ascending order, and recorded in the version table. */
  readonly version: number;
  /** The statements of the step, each idempotent, for the quoted schema name `s`. */
  readonly statements: (s: string) => readonly string[];
}

/** Where a set of migrations keeps which versions are applied, and the lock its appliers serialize on. */
export interface MigrationTarget {
  readonly schema: string;
  /** The table of applied versions (`migrations`): one per set, so sets in one schema do not mix. */
  readonly versionTable: string;
  readonly lockName: string;
}

/**
 * Creates the schema if missing and applies the versions not applied yet, in order. Every statement is
 * idempotent, and all of them run in one transaction under a transaction-scoped advisory lock, so processes that
 * start together never race on `CREATE ... IF NOT EXISTS`.
 */
export async function applyMigrations(
  pool: pg.Pool,
  target: MigrationTarget,
  migrations: readonly Migration[],
): Promise<void> {
  const client = await pool.connect();
  const s = `"${target.schema}"`;
  const versions = `${s}.${target.versionTable}`;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [target.lockName]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${versions} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = new Set(
      (await client.query<{ version: number }>(`SELECT version FROM ${versions}`)).rows.map((row) => row.version),
    );
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements(s)) await client.query(statement);
      await client.query(`INSERT INTO ${versions} (version) VALUES ($1) ON CONFLICT DO NOTHING`, [migration.version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
