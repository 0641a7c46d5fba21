import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { AttemptResult } from './delivery-queue.js';
import { guardedLookup, refusedAddress } from './target-address.js';
import type { WebhookHeaders } from './webhook-signature.js';

export interface SendOptions {
  readonly allowPrivate: boolean;
  readonly timeoutMs: number;
}

/**
 * POSTs one signed delivery and says how it went; never rejects. The socket's address is checked by the lookup
 * (names) or here (address literals, which skip the lookup); redirects are not followed.
 */
export function sendDelivery(
  url: string,
  body: string,
  headers: WebhookHeaders,
  options: SendOptions,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const target = new URL(url);
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  const refused = isIP(literal) ? refusedAddress(literal, options.allowPrivate) : undefined;
  if (refused) return Promise.resolve({ durationMs: elapsed(), error: refused });
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const outgoing = send(target, {
      method: 'POST',
      lookup: guardedLookup(options.allowPrivate),
      timeout: options.timeoutMs,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'changeplane-webhooks/1',
        'content-length': Buffer.byteLength(body),
        ...headers,
      },
    });
    outgoing.on('response', (response) => {
      // The receiver's answer is not kept: only its status.
      response.resume();
      response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, durationMs: elapsed() }));
      response.on('error', () => resolve({ statusCode: response.statusCode ?? 0, durationMs: elapsed() }));
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    outgoing.on('error', (error) => resolve({ durationMs: elapsed(), error: error.message }));
    outgoing.end(body);
  });
}
