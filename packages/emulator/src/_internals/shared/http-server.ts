import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { JsonAnswer } from './json-answer.js';

export type RequestHandler = (request: IncomingMessage, body: Buffer, response: ServerResponse) => Promise<void>;

/**
 * The request head (request line and headers) an emulator accepts. The ROS SDK sends every parameter but
 * TemplateBody in the query string: 200 parameters with long values, a 16,384-byte stack policy (48 KiB once
 * percent-encoded), tags and notification URLs reach far past Node's default of 16 KiB.
 */
export const maxRequestHeadBytes = 1_048_576;
/** The request body an emulator reads (a 524,288-byte ROS TemplateBody is about 1.5 MiB once form-encoded). */
export const maxRequestBodyBytes = 8_388_608;

/** What an emulator answers to a request too large to read: its own error format, always JSON. */
export type OversizedAnswer = (what: 'head' | 'body') => JsonAnswer;

const defaultOversizedAnswer: OversizedAnswer = (what) => {
  const message =
    what === 'head'
      ? `The request line and headers exceed ${maxRequestHeadBytes} bytes.`
      : `The request body exceeds ${maxRequestBodyBytes} bytes.`;
  const code = what === 'head' ? 'RequestHeaderFieldsTooLarge' : 'RequestEntityTooLarge';
  // Readable by both SDK families: Alibaba's reads Code/Message, AWS's reads x-amzn-ErrorType and message.
  return {
    status: what === 'head' ? 431 : 413,
    headers: { 'x-amzn-ErrorType': code },
    body: { Code: code, Message: message, message },
  };
};

class BodyTooLarge extends Error {}

export interface RunningHttpServer {
  /** The URL clients reach it at: `http://host:port` (an IPv6 host in brackets). */
  endpoint: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Reads a whole request body (chunked or not), up to `limit` bytes. */
async function readBody(request: IncomingMessage, limit = maxRequestBodyBytes): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Writes a JSON answer: the providers and their SDKs only ever expect JSON, errors included. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
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

/** A whole JSON answer written straight to a socket, for requests the HTTP parser refused before any handler. */
function rawJsonAnswer(answer: JsonAnswer): string {
  const payload = JSON.stringify(answer.body);
  const headers = {
    'content-type': 'application/json;charset=utf-8',
    'content-length': String(Buffer.byteLength(payload)),
    connection: 'close',
    ...answer.headers,
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}\r\n${lines.join('\r\n')}\r\n\r\n${payload}`;
}

/**
 * Starts an HTTP server on host:port (0 = a free port). `close()` also ends idle keep-alive
 * connections so tests and the CLI exit promptly. Requests up to `maxRequestHeadBytes` of head and
 * `maxRequestBodyBytes` of body are handled; larger ones get the emulator's JSON error (`oversized`),
 * never an empty answer.
 */
export async function startHttpServer(
  handler: RequestHandler,
  options: { host: string; port: number; oversized?: OversizedAnswer },
): Promise<RunningHttpServer> {
  const oversized = options.oversized ?? defaultOversizedAnswer;
  const sockets = new Set<Socket>();
  const server = createServer({ maxHeaderSize: maxRequestHeadBytes }, (request, response) => {
    readBody(request)
      .then((body) => handler(request, body, response))
      .catch((error: unknown) => {
        if (response.headersSent || response.destroyed) return;
        if (error instanceof BodyTooLarge) {
          const answer = oversized('body');
          sendJson(response, answer.status, answer.body, { connection: 'close', ...answer.headers });
          return;
        }
        sendJson(response, 500, { Code: 'InternalError', message: 'emulator fault', Message: String(error) });
      });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    if (error.code === 'HPE_HEADER_OVERFLOW') socket.end(rawJsonAnswer(oversized('head')));
    else {
      const message = `The request could not be read: ${error.code ?? error.message}.`;
      socket.end(rawJsonAnswer({ status: 400, body: { Code: 'BadRequest', Message: message, message } }));
    }
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
    endpoint: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    host: options.host,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
