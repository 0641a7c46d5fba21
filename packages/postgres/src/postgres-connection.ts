import { type RunJournalError, runJournalError } from '@changeplane/core';
import { SecretRedactor } from '@changeplane/core/adapter';
import pg from 'pg';
import { migrate } from './migrate.js';
import type { PostgresStoreOptions } from './postgres-store-options.js';

/**
 * One pool and one schema, migrated once on first use. Shared by the lock store and the journal when they
 * are built from one options object.
 */
export class PostgresConnection {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** Masks this connection's password (and credential-shaped text) in its errors. */
  readonly redactor: SecretRedactor;
  readonly #ownsPool: boolean;
  #migrated: Promise<void> | undefined;
  #ended = false;

  constructor(options: PostgresStoreOptions) {
    this.schema = options.schema ?? 'changeplane';
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(this.schema)) {
      throw new RangeError(`schema must be 1-41 lowercase letters, digits or underscores, got ${this.schema}`);
    }
    const poolOptions = options.pool?.options;
    this.redactor = new SecretRedactor({
      secrets: [
        passwordOf(options.connectionString),
        passwordOf(poolOptions?.connectionString),
        typeof poolOptions?.password === 'string' ? poolOptions.password : undefined,
      ],
    });
    this.#ownsPool = options.pool === undefined;
    this.pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 10 });
    // An idle client that loses its connection emits an error on the pool: a query will report it instead.
    this.pool.on('error', () => undefined);
  }

  /** `"schema".name`, for SQL. */
  table(name: string): string {
    return `"${this.schema}".${name}`;
  }

  /** The NOTIFY channel of released locks in this schema. */
  get channel(): string {
    return `changeplane_released_${this.schema}`;
  }

  /** Runs the migrations once per connection (concurrency-safe across processes: an advisory lock). */
  ready(): Promise<void> {
    this.#migrated ??= migrate(this.pool, this.schema).catch((error: unknown) => {
      this.#migrated = undefined;
      throw error;
    });
    return this.#migrated;
  }

  /** Runs one statement on the pool. */
  async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.ready();
    return this.pool.query<R>(text, values);
  }

  /** A journal error for a failed statement of this connection, with no secret in it. */
  error(operation: string, cause: unknown): RunJournalError {
    return storeError(operation, cause, this.redactor);
  }

  /** Closes the pool if this connection made it. */
  async close(): Promise<void> {
    if (!this.#ownsPool || this.#ended) return;
    this.#ended = true;
    await this.pool.end();
  }
}

/** A journal error for a failed statement, with no secret `redactor` knows in it. */
function storeError(operation: string, cause: unknown, redactor: SecretRedactor): RunJournalError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as { code?: unknown })?.code;
  return runJournalError(
    'io',
    redactor.redact(`PostgreSQL ${operation} failed${typeof code === 'string' ? ` (${code})` : ''}: ${message}`),
    {
      cause: {
        name: (cause as Error)?.name,
        message: redactor.redact(message),
        ...(typeof code === 'string' ? { code } : {}),
      },
    },
  );
}

function passwordOf(connectionString: string | undefined): string | undefined {
  if (!connectionString) return undefined;
  try {
    return decodeURIComponent(new URL(connectionString).password) || undefined;
  } catch {
    return undefined;
  }
}
