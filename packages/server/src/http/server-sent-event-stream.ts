import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';

/** What every stream needs besides the response it writes to. */
export interface StreamOptions {
  readonly heartbeatMs: number;
  readonly log: FastifyBaseLogger;
  readonly onEnd: () => void;
}

/**
 * One client's Server-Sent Events: the headers and an opening comment, heartbeat comments that keep an idle
 * connection open through proxies, and `pump`, which runs the subclass's `step` once at a time (again when woken
 * meanwhile) until it says the stream is done, the client leaves or the server closes.
 */
export abstract class ServerSentEventStream {
  protected ended = false;
  /** Resolves when the client's connection closes. */
  protected readonly closed: Promise<void>;
  #pumping = false;
  #again = false;
  #heartbeat?: NodeJS.Timeout;

  constructor(
    protected readonly response: ServerResponse,
    private readonly stream: StreamOptions & { readonly name: string },
  ) {
    this.closed = new Promise((resolve) => response.once('close', () => resolve()));
    void this.closed.then(() => this.end());
  }

  /** Writes the headers and the opening comment. */
  protected writeHead(comment: string): void {
    this.response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.response.write(`: ${comment}\n\n`);
  }

  protected startHeartbeat(): void {
    this.#heartbeat = setInterval(() => this.response.write(': heartbeat\n\n'), this.stream.heartbeatMs);
  }

  /** Sends what is new; whether the stream is done. */
  protected abstract step(): Promise<boolean>;

  /** What a subclass lets go of when the stream ends (its watches). */
  protected release(): void {}

  /** Runs `step` once at a time; a wake during a step runs it again after. */
  async pump(): Promise<void> {
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    try {
      do {
        this.#again = false;
        if (await this.step()) return this.end();
      } while (this.#again && !this.ended);
    } catch (error) {
      this.stream.log.error({ err: error }, `${this.stream.name} failed`);
      this.end();
    } finally {
      this.#pumping = false;
    }
  }

  /** Ends the stream (done, the client left, or the server closes). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.#heartbeat);
    this.release();
    if (!this.response.writableEnded) this.response.end();
    this.stream.onEnd();
  }
}
