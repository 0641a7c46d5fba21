import pg from 'pg';
import { sleep } from '../bench/serve-fleet.js';

/**
 * The id of the serve process that just started: the row of the host's `servers` table (default schema
 * `changeplane_host`) not among `known`, waited for while its first heartbeat comes (undefined after 10 s).
 */
export async function newServerId(store: string, known: ReadonlySet<string | undefined>): Promise<string | undefined> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: store });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const rows = await client.query<{ id: string }>(
        'SELECT id FROM changeplane_host.servers ORDER BY heartbeat_at DESC',
      );
      const fresh = rows.rows.find((row) => !known.has(row.id));
      if (fresh) return fresh.id;
    } catch {
      // The database is away (its restart): look again.
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(200);
  }
  return undefined;
}

/** Locks still held in the host's store (after every run ended: none, unless one is stuck or healing). */
export async function heldLocks(store: string): Promise<number> {
  const client = new pg.Client({ connectionString: store });
  await client.connect();
  try {
    const rows = await client.query<{ n: string }>('SELECT count(*) AS n FROM changeplane_host.held_locks');
    return Number(rows.rows[0]?.n ?? Number.NaN);
  } finally {
    await client.end();
  }
}
