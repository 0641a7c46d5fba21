import pg from 'pg';

/** The payload that wakes claim loops; every other payload is a run id. */
export const claimWake = 'claim';

/**
 * One LISTEN connection per store: every watcher of every run shares it. Payloads are run ids (new events or a
 * new state) or `claim` (a run was submitted or locks were released). When the connection drops (a PostgreSQL
 * restart), it reconnects with a backoff and calls every listener once, since a notification may be lost.
 */
export class HostNotifications {
  readonly #connectionString: string | pg.ClientConfig;
  readonly #channel: string;
  readonly #listeners = new Map<string, Set<() => void>>();
  #client: pg.Client | undefined;
  #connecting: Promise<void> | undefined;
  #closed = false;
  #retryMs = 100;

  constructor(config: string | pg.ClientConfig, channel: string) {
    this.#connectionString = config;
    this.#channel = channel;
  }

  /** Calls `listener` on each notification with `key`; returns the unsubscribe. */
  async subscribe(key: string, listener: () => void): Promise<() => Promise<void>> {
    let set = this.#listeners.get(key);
    if (!set) {
      set = new Set();
      this.#listeners.set(key, set);
    }
    set.add(listener);
    await this.#connect().catch(() => undefined);
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(key) === set) this.#listeners.delete(key);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  #connect(): Promise<void> {
    if (this.#client || this.#closed) return Promise.resolve();
    this.#connecting ??= this.#open().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #open(): Promise<void> {
    const client = new pg.Client(
      typeof this.#connectionString === 'string'
        ? { connectionString: this.#connectionString }
        : this.#connectionString,
    );
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    client.on('notification', (message) => this.#notify(message.payload ?? ''));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.#channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.#scheduleReconnect();
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#retryMs = 100;
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#listeners.size === 0) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, 2_000);
    setTimeout(() => {
      this.#connect()
        .then(() => this.#notifyAll())
        .catch(() => undefined);
    }, delay).unref();
  }

  #notify(payload: string): void {
    for (const listener of this.#listeners.get(payload) ?? []) listener();
  }

  #notifyAll(): void {
    for (const set of this.#listeners.values()) for (const listener of set) listener();
  }
}
