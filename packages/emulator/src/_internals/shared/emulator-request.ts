import type { IncomingHttpHeaders } from 'node:http';

/** A request as the shared server read it, before a service looks at it. */
export interface EmulatorRequest {
  readonly method: string;
  /** The request target as sent: the path and the raw query string. */
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  /** The whole body (empty when there is none). */
  readonly body: Buffer;
}
