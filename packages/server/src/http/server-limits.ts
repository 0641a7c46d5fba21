/** The HTTP side's limits; every field has a default. */
export interface ServerLimits {
  /** Largest request body read, in bytes (413 above it). Default 1 MiB. */
  readonly bodyBytes: number;
  /** Requests per second one token may make on average (429 with Retry-After above it). Default 30. */
  readonly requestsPerSecond: number;
  /** Requests one token may make at once after a quiet spell. Default 60. */
  readonly burst: number;
  /** How often an idle event stream gets a comment, so proxies keep it open. Default 15 s. */
  readonly heartbeatMs: number;
}

export const defaultServerLimits: ServerLimits = {
  bodyBytes: 1024 * 1024,
  requestsPerSecond: 30,
  burst: 60,
  heartbeatMs: 15_000,
};
