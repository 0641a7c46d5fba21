import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { errAsync, okAsync, ResultAsync } from 'neverthrow';
import type { StoreError, TokenIdentity } from '../host/host-store.js';
import type { HostDatabase } from '../store/host-database.js';
import type { WebhookEvent } from '../store/webhook-schema.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';
import { SecretBox } from './secret-box.js';
import { checkedWebhookUrl, checkTarget } from './target-address.js';
import { WebhookDeliverer } from './webhook-deliverer.js';
import {
  deleteSubscription,
  insertSubscription,
  selectDeliveries,
  selectSubscription,
  selectSubscriptions,
  type WebhookDeliveryView,
  type WebhookSubscriptionView,
} from './webhook-queries.js';
import { newSigningSecret } from './webhook-signature.js';

/** How a server delivers webhooks (CreateServerOptions.webhooks). */
export interface WebhookOptions {
  /** The key that encrypts signing secrets at rest (default env `CHANGEPLANE_WEBHOOK_KEY`; none: kept in the clear). */
  readonly secretKey?: string;
  /** Whether receivers on private addresses (RFC 1918, link-local, ULA) may be subscribed; loopback always may. */
  readonly allowPrivateTargets?: boolean;
  readonly retry?: Partial<RetryPolicy>;
  readonly pollMs?: number;
  readonly timeoutMs?: number;
}

export type WebhookError =
  | StoreError
  | { readonly kind: 'invalid-target'; readonly message: string }
  | { readonly kind: 'not-found'; readonly message: string };

const notFound = (): WebhookError => ({ kind: 'not-found', message: 'the webhook subscription was not found' });

/** Subscriptions, their secrets and delivery logs, and the deliverer that sends them, over the host's database. */
export class WebhookService {
  readonly #db: HostDatabase;
  readonly #box: SecretBox;
  readonly #options: WebhookOptions;
  #deliverer: WebhookDeliverer | undefined;

  constructor(db: HostDatabase, options: WebhookOptions = {}) {
    this.#db = db;
    this.#options = options;
    this.#box = new SecretBox(options.secretKey ?? process.env.CHANGEPLANE_WEBHOOK_KEY);
  }

  /** Whether signing secrets are encrypted at rest. */
  get encryptsSecrets(): boolean {
    return this.#box.encrypts;
  }

  /** Subscribes the identity's tenant; the secret is in this answer and in no other. */
  subscribe(
    identity: TokenIdentity,
    url: string,
    events: readonly WebhookEvent[],
  ): ResultAsync<{ subscription: WebhookSubscriptionView; secret: string }, WebhookError> {
    const checked = checkedWebhookUrl(url);
    if (checked.isErr()) return errAsync({ kind: 'invalid-target', message: checked.error });
    const allowPrivate = this.#options.allowPrivateTargets ?? false;
    return ResultAsync.fromSafePromise(checkTarget(checked.value, allowPrivate)).andThen((refused) => {
      if (refused) return errAsync<never, WebhookError>({ kind: 'invalid-target', message: refused });
      const secret = newSigningSecret();
      return insertSubscription(this.#db, {
        id: randomUUID(),
        tenant: identity.tenant,
        url: checked.value.href,
        events: [...new Set(events)],
        createdBy: identity.name,
        sealedSecret: this.#box.seal(secret),
      }).map((subscription) => ({ subscription, secret }));
    });
  }

  list(identity: TokenIdentity): ResultAsync<readonly WebhookSubscriptionView[], StoreError> {
    return selectSubscriptions(this.#db, identity.admin ? undefined : identity.tenant);
  }

  /** A subscription the identity sees (its tenant's, or any for an admin); another tenant's is not found. */
  #visible(identity: TokenIdentity, id: string): ResultAsync<WebhookSubscriptionView, WebhookError> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return errAsync(notFound());
    return selectSubscription(this.#db, id).andThen((found) =>
      found && (identity.admin || found.tenant === identity.tenant) ? okAsync(found) : errAsync(notFound()),
    );
  }

  remove(identity: TokenIdentity, id: string): ResultAsync<void, WebhookError> {
    return this.#visible(identity, id).andThen(() => deleteSubscription(this.#db, id).map(() => undefined));
  }

  deliveries(
    identity: TokenIdentity,
    id: string,
    limit: number,
  ): ResultAsync<readonly WebhookDeliveryView[], WebhookError> {
    return this.#visible(identity, id).andThen(() => selectDeliveries(this.#db, id, limit));
  }

  async start(log: FastifyBaseLogger): Promise<void> {
    if (!this.#box.encrypts) log.warn('webhook signing secrets are stored unencrypted: set CHANGEPLANE_WEBHOOK_KEY');
    this.#deliverer = new WebhookDeliverer(
      this.#db,
      {
        box: this.#box,
        retry: { ...defaultRetryPolicy, ...this.#options.retry },
        allowPrivate: this.#options.allowPrivateTargets ?? false,
        pollMs: this.#options.pollMs ?? 1_000,
        timeoutMs: this.#options.timeoutMs ?? 10_000,
      },
      log.child({ component: 'webhooks' }),
    );
    await this.#deliverer.start();
  }

  async stop(): Promise<void> {
    await this.#deliverer?.stop();
  }
}
