import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How old (or how far in the future) a signed timestamp may be before a receiver refuses it: 5 minutes. */
export const replayWindowSeconds = 300;

/** The Standard Webhooks headers of one delivery (https://www.standardwebhooks.com). */
export interface WebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

/** `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the secret's bytes. */
function signatureOf(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The headers a delivery is sent with; `timestamp` in Unix seconds. */
export function signedHeaders(secret: string, id: string, timestamp: number, body: string): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureOf(secret, id, timestamp, body),
  };
}

export type VerifyFailure = 'missing-headers' | 'stale-timestamp' | 'bad-signature';

/**
 * What a receiver does: the timestamp within the replay window of `nowSeconds`, and one of the space-separated
 * `v1,` signatures equal (in constant time) to the one it computes.
 */
export function verifyWebhook(
  secret: string,
  headers: Readonly<Record<string, string | undefined>>,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): VerifyFailure | undefined {
  const id = headers['webhook-id'];
  const timestamp = Number(headers['webhook-timestamp']);
  const signatures = headers['webhook-signature'];
  if (!id || !signatures || !Number.isInteger(timestamp)) return 'missing-headers';
  if (Math.abs(nowSeconds - timestamp) > replayWindowSeconds) return 'stale-timestamp';
  const expected = Buffer.from(signatureOf(secret, id, timestamp, body));
  const matches = signatures.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? undefined : 'bad-signature';
}
