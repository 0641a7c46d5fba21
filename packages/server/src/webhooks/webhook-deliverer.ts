import type { FastifyBaseLogger } from 'fastify';
import type { HostDatabase } from '../store/host-database.js';
import { webhookWake } from '../store/webhook-schema.js';
import { type DueDelivery, recordAttempt, takeDueDeliveries } from './delivery-queue.js';
import { type RetryPolicy, retryDelayMs } from './retry-policy.js';
import type { SecretBox } from './secret-box.js';
import { sendDelivery } from './send-delivery.js';
import { signedHeaders } from './webhook-signature.js';

export interface DelivererOptions {
  readonly box: SecretBox;
  readonly retry: RetryPolicy;
  readonly allowPrivate: boolean;
  /** The safety-net poll besides NOTIFY, which also finds retries that came due (default 1 s). */
  readonly pollMs: number;
  /** How long a receiver may take to answer (default 10 s); the lease on a taken delivery is longer. */
  readonly timeoutMs: number;
}

/**
 * Sends due deliveries: woken by the trigger's NOTIFY and by a poll, it takes a batch under a lease (so a
 * server that dies sending leaves them to another once the lease ends), signs, sends, logs each attempt.
 */
export class WebhookDeliverer {
  readonly #db: HostDatabase;
  readonly #options: DelivererOptions;
  readonly #log: FastifyBaseLogger;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => Promise<void>) | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(db: HostDatabase, options: DelivererOptions, log: FastifyBaseLogger) {
    this.#db = db;
    this.#options = options;
    this.#log = log;
  }

  async start(): Promise<void> {
    this.#unsubscribe = await this.#db.notifications.subscribe(webhookWake, () => this.kick());
    this.#timer = setInterval(() => this.kick(), this.#options.pollMs);
    this.kick();
  }

  /** Sends what is due now (again after this pass when kicked while sending). */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#pass().finally(() => {
      this.#running = undefined;
      if (this.#again && !this.#stopped) {
        this.#again = false;
        this.kick();
      }
    });
  }

  /** Stops taking deliveries and waits for the ones being sent. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#unsubscribe?.();
    await this.#running;
  }

  async #pass(): Promise<void> {
    for (;;) {
      const lease = this.#options.timeoutMs * 2 + 5_000;
      const taken = await takeDueDeliveries(this.#db, lease, 20);
      if (taken.isErr()) {
        this.#log.warn({ message: taken.error.message }, 'webhook deliveries not read');
        return;
      }
      if (taken.value.length === 0 || this.#stopped) return;
      await Promise.all(taken.value.map((delivery) => this.#deliver(delivery)));
    }
  }

  async #deliver(delivery: DueDelivery): Promise<void> {
    const log = this.#log.child({ runId: delivery.runId, tenant: delivery.tenant, deliveryId: delivery.id });
    const secret = this.#options.box.open(delivery.sealedSecret);
    const timestamp = Math.floor(Date.now() / 1000);
    const attempt = secret.isOk()
      ? await sendDelivery(
          delivery.url,
          delivery.body,
          signedHeaders(secret.value, delivery.id, timestamp, delivery.body),
          {
            allowPrivate: this.#options.allowPrivate,
            timeoutMs: this.#options.timeoutMs,
          },
        )
      : { durationMs: 0, error: secret.error };
    const delivered = attempt.statusCode !== undefined && attempt.statusCode >= 200 && attempt.statusCode < 300;
    const retryInMs = delivered ? undefined : retryDelayMs(this.#options.retry, delivery.attempts + 1);
    const recorded = await recordAttempt(this.#db, delivery.id, attempt, { delivered, retryInMs });
    if (recorded.isErr()) log.warn({ message: recorded.error.message }, 'webhook attempt not recorded');
    log.info(
      {
        event: delivery.event,
        attempt: delivery.attempts + 1,
        statusCode: attempt.statusCode,
        durationMs: Math.round(attempt.durationMs),
        error: attempt.error,
        outcome: delivered ? 'delivered' : retryInMs === undefined ? 'failed' : 'retrying',
      },
      'webhook attempt',
    );
  }
}
