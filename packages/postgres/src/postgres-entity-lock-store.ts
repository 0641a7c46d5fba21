import type { EntityLease, EntityLockStore } from '@changeplane/core';
import { err, ok, type Result } from 'neverthrow';
import type pg from 'pg';
import { PostgresConnection } from './postgres-connection.js';
import type { PostgresStoreOptions } from './postgres-store-options.js';

interface LeaseRow {
  key: string;
  holder: string;
  fencing_token: string;
  expires_ms: number;
}

const leaseColumns = `key, holder, fencing_token::text AS fencing_token, (extract(epoch FROM expires_at) * 1000)::float8 AS expires_ms`;

/**
 * Entity locks shared by every process that uses one PostgreSQL: at most one live lease per key (a row,
 * granted by an upsert that only takes an expired or released row), fencing tokens from a sequence
 * (strictly increasing per key), TTLs on the database clock, renew and release by the current holder only,
 * and waiters woken by LISTEN/NOTIFY when a lease is released (or at its expiry) instead of polling.
 * Statements that fail reject (the database is gone): `acquireEntityLocks` reports that as `locked`.
 */
export class PostgresEntityLockStore implements EntityLockStore {
  readonly #db: PostgresConnection;
  readonly #waiters = new Map<string, Set<() => void>>();
  #listener: Promise<pg.PoolClient> | undefined;
  #closed = false;

  constructor(options: PostgresStoreOptions | PostgresConnection) {
    this.#db = options instanceof PostgresConnection ? options : new PostgresConnection(options);
  }

  async tryAcquire(key: string, holder: string, ttlMs: number): Promise<Result<EntityLease, EntityLease>> {
    for (;;) {
      const granted = await this.#db.query<LeaseRow>(
        `INSERT INTO ${this.#db.table('entity_leases')} AS l (key, holder, fencing_token, expires_at)
         VALUES ($1, $2, nextval('${this.#db.table('fencing_tokens')}'), clock_timestamp() + $3 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE
           SET holder = EXCLUDED.holder,
               fencing_token = nextval('${this.#db.table('fencing_tokens')}'),
               expires_at = EXCLUDED.expires_at
           WHERE l.expires_at <= clock_timestamp()
         RETURNING ${leaseColumns}`,
        [key, holder, ttlMs],
      );
      if (granted.rows[0]) return ok(toLease(granted.rows[0]));
      const held = await this.current(key);
      // Released or expired between the two statements: try again.
      if (held) return err(held);
    }
  }

  async renew(lease: EntityLease, ttlMs: number): Promise<Result<EntityLease, 'lost'>> {
    const renewed = await this.#db.query<LeaseRow>(
      `UPDATE ${this.#db.table('entity_leases')} SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
       WHERE key = $1 AND fencing_token = $2 AND expires_at > clock_timestamp()
       RETURNING ${leaseColumns}`,
      [lease.key, lease.fencingToken, ttlMs],
    );
    return renewed.rows[0] ? ok(toLease(renewed.rows[0])) : err('lost');
  }

  async release(lease: EntityLease): Promise<boolean> {
    const released = await this.#db.query<{ key: string }>(
      `WITH released AS (
         UPDATE ${this.#db.table('entity_leases')} SET expires_at = '-infinity'
         WHERE key = $1 AND fencing_token = $2 AND holder = $3 AND expires_at > clock_timestamp()
         RETURNING key
       )
       SELECT key, pg_notify($4, key) FROM released`,
      [lease.key, lease.fencingToken, lease.holder, this.#db.channel],
    );
    return released.rows.length > 0;
  }

  async isCurrent(lease: EntityLease): Promise<boolean> {
    const found = await this.#db.query(
      `SELECT 1 FROM ${this.#db.table('entity_leases')}
       WHERE key = $1 AND fencing_token = $2 AND holder = $3 AND expires_at > clock_timestamp()`,
      [lease.key, lease.fencingToken, lease.holder],
    );
    return found.rows.length > 0;
  }

  async current(key: string): Promise<EntityLease | undefined> {
    const found = await this.#db.query<LeaseRow>(
      `SELECT ${leaseColumns} FROM ${this.#db.table('entity_leases')} WHERE key = $1 AND expires_at > clock_timestamp()`,
      [key],
    );
    return found.rows[0] ? toLease(found.rows[0]) : undefined;
  }

  async waitForRelease(key: string, maxMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted || maxMs <= 0) return;
    await this.#listen();
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const waiters = this.#waiters.get(key) ?? new Set<() => void>();
    this.#waiters.set(key, waiters);
    waiters.add(wake);
    const timers: ReturnType<typeof setTimeout>[] = [];
    try {
      // Listening before looking: a release between the caller's attempt and now is either seen here or notified.
      const lease = await this.current(key);
      if (!lease) return;
      // An expiring lease frees the key without a notification: wake up then at the latest.
      timers.push(setTimeout(wake, Math.max(0, Math.min(maxMs, lease.expiresAt - Date.now() + 5))));
      signal?.addEventListener('abort', wake, { once: true });
      await woken;
    } finally {
      for (const timer of timers) clearTimeout(timer);
      signal?.removeEventListener('abort', wake);
      waiters.delete(wake);
      if (waiters.size === 0) this.#waiters.delete(key);
    }
  }

  /** Stops listening and closes the pool it made. */
  async close(): Promise<void> {
    this.#closed = true;
    const listener = this.#listener;
    this.#listener = undefined;
    if (listener) {
      const client = await listener.catch(() => undefined);
      client?.release(true);
    }
    await this.#db.close();
  }

  #listen(): Promise<pg.PoolClient> {
    this.#listener ??= (async () => {
      await this.#db.ready();
      const client = await this.#db.pool.connect();
      client.on('notification', (message) => {
        if (message.channel !== this.#db.channel || message.payload === undefined) return;
        const waiters = this.#waiters.get(message.payload);
        if (waiters) for (const wake of [...waiters]) wake();
      });
      client.on('error', () => {
        // The connection is gone: wake everyone (they look again) and listen anew on the next wait.
        this.#listener = undefined;
        for (const waiters of this.#waiters.values()) for (const wake of [...waiters]) wake();
      });
      await client.query(`LISTEN "${this.#db.channel}"`);
      if (this.#closed) client.release(true);
      return client;
    })().catch((error: unknown) => {
      this.#listener = undefined;
      throw error;
    });
    return this.#listener;
  }
}

function toLease(row: LeaseRow): EntityLease {
  return { key: row.key, holder: row.holder, fencingToken: Number(row.fencing_token), expiresAt: row.expires_ms };
}
