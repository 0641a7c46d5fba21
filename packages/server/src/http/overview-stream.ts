import type { ServerResponse } from 'node:http';
import type { ResultAsync } from 'neverthrow';
import type { HostStore, StoreError } from '../host/host-store.js';
import { claimWake } from '../store/host-notifications.js';
import { ServerSentEventStream, type StreamOptions } from './server-sent-event-stream.js';
import type { OverviewBody } from './status-schemas.js';

/** What an overview stream needs besides the response it writes to. */
export interface OverviewStreamOptions extends StreamOptions {
  readonly store: HostStore;
  /** Reads the overview as the client's token may see it. */
  readonly read: () => ResultAsync<OverviewBody, StoreError>;
}

/**
 * One client's live overview as Server-Sent Events: an `overview` event with the whole overview (GET /v1/overview)
 * at once, then again whenever it changes. It is woken by the store's notifications, not by a timer: a submitted
 * run or released locks (the queue's `claim` wake), and any change of a run in view (its id).
 */
export class OverviewStream extends ServerSentEventStream {
  private readonly watched = new Map<string, Promise<() => Promise<void>>>();
  private last = '';

  constructor(
    response: ServerResponse,
    private readonly options: OverviewStreamOptions,
  ) {
    super(response, { ...options, name: 'overview stream' });
  }

  async start(): Promise<void> {
    this.writeHead('overview of the host');
    // Watch before the first read, so a change between the two is not missed.
    this.watch(claimWake);
    this.startHeartbeat();
    await this.pump();
  }

  /** Reads the overview and sends it when it changed; an overview stream goes on until the client leaves. */
  protected async step(): Promise<boolean> {
    await this.sendWhenChanged();
    return false;
  }

  private async sendWhenChanged(): Promise<void> {
    const read = await this.options.read();
    if (this.ended) return;
    if (read.isErr()) {
      // The store is down for now: the client keeps the last overview; the next notification tries again.
      this.options.log.warn({ message: read.error.message }, 'overview stream could not read the store');
      return;
    }
    this.follow(read.value);
    const data = JSON.stringify(read.value);
    if (data === this.last) return;
    this.last = data;
    this.response.write(`event: overview\ndata: ${data}\n\n`);
  }

  /** Watches the runs in view (their changes wake the stream) and stops watching those gone from it. */
  private follow(overview: OverviewBody): void {
    const inView = new Set([...overview.queue, ...overview.running].map((run) => run.id));
    for (const id of inView) this.watch(id);
    for (const [id, unwatch] of this.watched) {
      if (id === claimWake || inView.has(id)) continue;
      this.watched.delete(id);
      void unwatch.then((stop) => stop()).catch(() => undefined);
    }
  }

  private watch(key: string): void {
    if (this.watched.has(key) || this.ended) return;
    this.watched.set(
      key,
      this.options.store.watch(key, () => void this.pump()),
    );
  }

  protected override release(): void {
    for (const unwatch of this.watched.values()) void unwatch.then((stop) => stop()).catch(() => undefined);
    this.watched.clear();
  }
}
