import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from './webhook-signature.js';

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** What verifyWebhook said: undefined when the signature and timestamp hold. */
  readonly verdict: string | undefined;
}

/**
 * A real receiver on 127.0.0.1: it verifies each delivery's signature with the secret it is given, keeps what
 * it got, and answers 204, or `failFirst` times 500 (then 204), or always `alwaysStatus`.
 */
export async function startReceiver(options: { failFirst?: number; alwaysStatus?: number } = {}) {
  const received: Received[] = [];
  let secret = '';
  let failures = options.failFirst ?? 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = request.headers as Record<string, string | undefined>;
      received.push({ headers: request.headers, body, verdict: verifyWebhook(secret, headers, body) });
      if (options.alwaysStatus) response.statusCode = options.alwaysStatus;
      else if (failures > 0) {
        failures -= 1;
        response.statusCode = 500;
      } else response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    useSecret(value: string) {
      secret = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
