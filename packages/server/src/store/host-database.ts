import { ResultAsync } from 'neverthrow';
import pg from 'pg';
import type { StoreError } from '../host/host-store.js';
import { HostNotifications } from './host-notifications.js';
import { migrateHost } from './migrate-host.js';
import { passwordOf, passwordRedactor, type Redact, storeError } from './store-error.js';

/** Where the host's tables live: a connection string or a pool the caller owns, and a schema. */
export type HostDatabaseOptions = { readonly connectionString: string } | { readonly pool: pg.Pool };

/**
 * The pool, the schema and the one LISTEN connection of a host store, with the migration run once. The queue
 * and the workers run their statements through it too.
 */
export class HostDatabase {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** `"schema"`, for SQL. */
  readonly s: string;
  /** The NOTIFY channel of this schema's host. */
  readonly channel: string;
  readonly notifications: HostNotifications;
  readonly redact: Redact;
  readonly #ownsPool: boolean;
  #migrated: Promise<void> | undefined;

  private constructor(options: HostDatabaseOptions, schema: string) {
    this.schema = schema;
    this.s = `"${schema}"`;
    this.channel = `changeplane_host_${schema}`;
    this.#ownsPool = !('pool' in options);
    this.pool = 'pool' in options ? options.pool : new pg.Pool({ connectionString: options.connectionString, max: 10 });
    // An idle client that loses its connection emits an error on the pool: the next query reports it instead.
    this.pool.on('error', () => undefined);
    const config = this.pool.options as pg.ClientConfig;
    this.redact = passwordRedactor([
      passwordOf(config.connectionString),
      typeof config.password === 'string' ? config.password : undefined,
    ]);
    this.notifications = new HostNotifications(config, this.channel);
  }

  static create(options: HostDatabaseOptions, schema = 'changeplane_host'): HostDatabase | RangeError {
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) {
      return new RangeError(`schema must be 1-41 lowercase letters, digits or underscores, got ${schema}`);
    }
    return new HostDatabase(options, schema);
  }

  /** Runs the migrations once (again after a failure). */
  migrate(): ResultAsync<void, StoreError> {
    this.#migrated ??= migrateHost(this.pool, this.schema).catch((error: unknown) => {
      this.#migrated = undefined;
      throw error;
    });
    return ResultAsync.fromPromise(this.#migrated, (cause) => storeError('migration', cause, this.redact));
  }

  /** One statement, after the migrations; failures as store errors with no secret in them. */
  query<Row extends pg.QueryResultRow>(
    operation: string,
    text: string,
    values: unknown[] = [],
  ): ResultAsync<pg.QueryResult<Row>, StoreError> {
    return this.migrate().andThen(() =>
      ResultAsync.fromPromise(this.pool.query<Row>(text, values), (cause) => storeError(operation, cause, this.redact)),
    );
  }

  async close(): Promise<void> {
    await this.notifications.close();
    if (this.#ownsPool) await this.pool.end().catch(() => undefined);
  }
}
