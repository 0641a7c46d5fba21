import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type RequestHandler = (request: IncomingMessage, body: Buffer, response: ServerResponse) => Promise<void>;

export interface RunningHttpServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Reads a whole request body (chunked or not). */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes a JSON answer: the providers and their SDKs only ever expect JSON, errors included. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(payload).toString(),
    ...headers,
  });
  response.end(payload);
}

/** Drops the connection without an answer, as a failing network or load balancer would. */
export function dropConnection(response: ServerResponse): void {
  response.socket?.destroy();
}

/**
 * Starts an HTTP server on host:port (0 = a free port). `close()` also ends idle keep-alive
 * connections so tests and the CLI exit promptly.
 */
export async function startHttpServer(
  handler: RequestHandler,
  options: { host: string; port: number },
): Promise<RunningHttpServer> {
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => handler(request, body, response))
      .catch((error: unknown) => {
        if (response.headersSent || response.destroyed) return;
        sendJson(response, 500, { Code: 'InternalError', message: 'emulator fault', Message: String(error) });
      });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: options.host,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
