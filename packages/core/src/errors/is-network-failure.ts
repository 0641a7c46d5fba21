// Node's socket error codes for a connection that failed or broke: the call may or may not have arrived.
const networkErrorCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/**
 * True when an SDK failure is the network's, not the provider's answer: a Node socket error code, or a
 * message that names one (SDKs that wrap the socket error keep only its text).
 */
export function isNetworkFailure(code: string | undefined, message: string): boolean {
  return (code !== undefined && networkErrorCodes.has(code)) || /socket hang up|ECONNRESET|ECONNREFUSED/i.test(message);
}
