import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The URL of the suite's PostgreSQL (see postgres-global-setup.ts). */
export function postgresUrl(): string {
  return inject('postgresUrl');
}

/** A schema name no other spec uses, and a function that drops it. */
export function freshSchema(prefix = 'spec'): { schema: string; drop: () => Promise<void> } {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  return {
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl() });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
