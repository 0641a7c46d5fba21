import type pg from 'pg';

/** Where the stores live: a connection string (or a ready pool) and the schema their tables go in. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`; its password is masked in every error. */
  readonly connectionString?: string;
  /** A pool the caller owns (then `close` leaves it open). */
  readonly pool?: pg.Pool;
  /** The schema of the tables, created on first use. Default `changeplane`. */
  readonly schema?: string;
}
