import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { HostStore, StoredEvent } from '../host/host-store.js';

const terminalStates = new Set(['succeeded', 'failed', 'cancelled']);

/** What a stream needs besides the response it writes to. */
export interface RunEventStreamOptions {
  readonly store: HostStore;
  readonly runId: string;
  /** The last event the client has (`Last-Event-ID`): the stream starts after it. */
  readonly afterId: number;
  readonly heartbeatMs: number;
  readonly log: FastifyBaseLogger;
  readonly onEnd: () => void;
}

/**
 * One client's Server-Sent Events of a run: what the store has after `afterId`, then each new event as the
 * store's watch reports it, each with its store id as `id:`, until the run's `run-finished` event (or a
 * terminal state with nothing left to send). Comments keep an idle connection open through proxies.
 */
export class RunEventStream {
  private lastId: number;
  private pumping = false;
  private again = false;
  private ended = false;
  private heartbeat?: NodeJS.Timeout;
  private unwatch?: () => Promise<void>;
  private readonly closed: Promise<void>;

  constructor(
    private readonly response: ServerResponse,
    private readonly options: RunEventStreamOptions,
  ) {
    this.lastId = options.afterId;
    this.closed = new Promise((resolve) => response.once('close', () => resolve()));
    void this.closed.then(() => this.end());
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
    this.response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.response.write(': events of the run\n\n');
    // Watch before the first read, so nothing appended between the two is missed.
    this.unwatch = await this.options.store.watch(this.options.runId, () => void this.pump());
    if (this.ended) return void this.unwatch();
    this.heartbeat = setInterval(() => this.response.write(': heartbeat\n\n'), this.options.heartbeatMs);
    await this.pump();
  }

  /** Sends what the store has after the last sent id; runs once at a time, again when woken meanwhile. */
  async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        if (await this.sendNewEvents()) return this.end();
      } while (this.again && !this.ended);
    } catch (error) {
      this.options.log.error({ err: error }, 'event stream failed');
      this.end();
    } finally {
      this.pumping = false;
    }
  }

  /** Whether the stream is done: the run finished and every event is sent. */
  private async sendNewEvents(): Promise<boolean> {
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

  /** Ends the stream (the run finished, the client left, or the server closes). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    void this.unwatch?.().catch(() => undefined);
    if (!this.response.writableEnded) this.response.end();
    this.options.onEnd();
  }
}
