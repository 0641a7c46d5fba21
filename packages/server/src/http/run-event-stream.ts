import type { ServerResponse } from 'node:http';
import type { HostStore, StoredEvent } from '../host/host-store.js';
import { ServerSentEventStream, type StreamOptions } from './server-sent-event-stream.js';

const terminalStates = new Set(['succeeded', 'failed', 'cancelled']);

/** What a run's event stream needs besides the response it writes to. */
export interface RunEventStreamOptions extends StreamOptions {
  readonly store: HostStore;
  readonly runId: string;
  /** The last event the client has (`Last-Event-ID`): the stream starts after it. */
  readonly afterId: number;
}

/**
 * One client's Server-Sent Events of a run: what the store has after `afterId`, then each new event as the
 * store's watch reports it, each with its store id as `id:`, until the run's `run-finished` event (or a
 * terminal state with nothing left to send).
 */
export class RunEventStream extends ServerSentEventStream {
  private lastId: number;
  private unwatch?: () => Promise<void>;

  constructor(
    response: ServerResponse,
    private readonly options: RunEventStreamOptions,
  ) {
    super(response, { ...options, name: 'event stream' });
    this.lastId = options.afterId;
  }

  async start(): Promise<void> {
    try {
      await this.open();
    } catch (error) {
      this.options.log.error({ err: error }, 'event stream failed to start');
      this.end();
    }
  }

  private async open(): Promise<void> {
    this.writeHead('events of the run');
    // Watch before the first read, so nothing appended between the two is missed.
    this.unwatch = await this.options.store.watch(this.options.runId, () => void this.pump());
    if (this.ended) return void this.unwatch();
    this.startHeartbeat();
    await this.pump();
  }

  /** Whether the stream is done: the run finished and every event is sent. */
  protected async step(): Promise<boolean> {
    if (await this.drain()) return true;
    const run = await this.options.store.getRun(this.options.runId);
    if (!(run.isOk() && (!run.value || terminalStates.has(run.value.state)))) return false;
    // Events written just before the run ended may have come after the read above.
    await this.drain();
    return true;
  }

  /** Sends events until a read finds nothing new; whether `run-finished` (or the end) came. */
  private async drain(): Promise<boolean> {
    for (;;) {
      const read = await this.options.store.readEvents(this.options.runId, this.lastId);
      if (read.isErr()) throw new Error(read.error.message);
      if (read.value.length === 0) return false;
      for (const stored of read.value) {
        if (this.ended) return true;
        await this.send(stored);
        if (stored.event.type === 'run-finished') return true;
      }
    }
  }

  private async send(stored: StoredEvent): Promise<void> {
    const type = String(stored.event.type).replace(/[\r\n]/g, ' ');
    const chunk = `id: ${stored.id}\nevent: ${type}\ndata: ${JSON.stringify(stored.event)}\n\n`;
    this.lastId = stored.id;
    if (!this.response.write(chunk)) {
      await Promise.race([new Promise((resolve) => this.response.once('drain', resolve)), this.closed]);
    }
  }

  protected override release(): void {
    void this.unwatch?.().catch(() => undefined);
  }
}
