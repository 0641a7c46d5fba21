import { applyMigrations } from '@changeplane/postgres';
import type pg from 'pg';
import { queueFunctions } from '../queue/queue-functions.js';
import { hostTables } from './host-schema.js';
import { webhookTables } from './webhook-schema.js';

/** The advisory lock name claimers serialize on, per schema. */
function claimLockName(schema: string): string {
  return `changeplane:claim:${schema}`;
}

/** Creates the host's schema if missing, as the stores' own migrations do (one transaction, one advisory lock). */
export async function migrateHost(pool: pg.Pool, schema: string): Promise<void> {
  await applyMigrations(
    pool,
    { schema, versionTable: 'host_migrations', lockName: `changeplane:migrate-host:${schema}` },
    [
      { version: 1, statements: (s) => [...hostTables(s), ...queueFunctions(s, claimLockName(schema))] },
      // Webhook subscriptions, deliveries and their attempts.
      { version: 2, statements: webhookTables },
    ],
  );
}
