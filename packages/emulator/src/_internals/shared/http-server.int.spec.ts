import { DescribeEntityCommand } from '@aws-sdk/client-marketplace-catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarketplaceEmulator } from '../../marketplace/marketplace-emulator.js';
import type { RunningMarketplaceEmulator } from '../../marketplace/running-marketplace-emulator.js';
import { marketplaceClientOf } from '../marketplace/marketplace-client.spec-support.js';
import { maxRequestHeadBytes, startHttpServer } from './http-server.js';

describe('startHttpServer: request heads up to maxRequestHeadBytes, a JSON error past them', () => {
  it('should answer a request line far past Node’s 16 KiB default, and a JSON 431 past the limit', async () => {
    const server = await startHttpServer(
      async (request, _body, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ length: request.url?.length }));
      },
      { host: '127.0.0.1', port: 0 },
    );
    try {
      const base = `http://127.0.0.1:${server.port}/?q=`;
      const inside = await fetch(base + 'x'.repeat(maxRequestHeadBytes - 2_048));
      expect(inside.status).toBe(200);
      expect(((await inside.json()) as { length: number }).length).toBeGreaterThan(1_000_000);
      const outside = await fetch(base + 'x'.repeat(maxRequestHeadBytes + 1));
      expect(outside.status).toBe(431);
      expect(outside.headers.get('content-type')).toContain('application/json');
      expect(await outside.json()).toMatchObject({ Code: 'RequestHeaderFieldsTooLarge' });
    } finally {
      await server.close();
    }
  });
});

describe('the Marketplace emulator on the shared server, through the official AWS SDK', () => {
  let emulator: RunningMarketplaceEmulator;
  const client = () => marketplaceClientOf(emulator);
  beforeAll(async () => {
    emulator = await startMarketplaceEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });
  const failure = (entityId: string) =>
    client()
      .send(new DescribeEntityCommand({ Catalog: 'AWSMarketplace', EntityId: entityId }))
      .then(
        () => undefined,
        (error: unknown) => error as Error & { $metadata?: { httpStatusCode?: number } },
      );

  it('should read an 800 KB query string and answer it (here a validation error), not a transport error', async () => {
    const error = await failure('e'.repeat(800_000));
    expect(error?.name).toBe('ValidationException');
    expect(error?.$metadata?.httpStatusCode).toBe(422);
  });

  it('should answer a JSON error the SDK can name when the query string passes the limit', async () => {
    const error = await failure('e'.repeat(maxRequestHeadBytes + 10));
    expect(error?.name).toBe('RequestHeaderFieldsTooLarge');
    expect(error?.$metadata?.httpStatusCode).toBe(431);
    expect(error?.message).toContain(String(maxRequestHeadBytes));
  });
});
