import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HostStore } from '../host/host-store.js';
import { apiError, sendError, storeUnavailable } from '../http/api-error.js';
import type { TokenBuckets } from '../http/token-bucket.js';
import { bearerToken } from './bearer-token.js';
import { rememberIdentity } from './request-identity.js';

/** The rate limiter's key for a request: a digest of its token (never the token), else its address. */
function rateKey(token: string | undefined, request: FastifyRequest): string {
  return token ? `token:${createHash('sha256').update(token).digest('base64url')}` : `ip:${request.ip}`;
}

async function refuse(store: HostStore, request: FastifyRequest, reply: FastifyReply, reason: string): Promise<void> {
  const audited = await store.appendAudit({
    actor: 'unknown',
    action: 'auth-refused',
    detail: { reason, method: request.method, route: request.routeOptions.url ?? request.url.split('?')[0] },
  });
  if (audited.isErr()) request.log.warn({ message: audited.error.message }, 'audit row not written');
  reply.header('www-authenticate', 'Bearer');
  sendError(reply, apiError(401, 'unauthorized', `${reason}: send Authorization: Bearer <token>`));
}

/**
 * The onRequest hook of every /v1 route: the per-token rate limit first (so guessing tokens costs requests
 * too), then the token's identity from the store; a missing, unknown or revoked token is a 401 and an
 * `auth-refused` audit row with actor `unknown`.
 */
export function authenticate(store: HostStore, buckets: TokenBuckets) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request.headers.authorization);
    const decision = buckets.take(rateKey(token, request));
    if (!decision.allowed) {
      reply.header('retry-after', String(decision.retryAfterSeconds));
      return sendError(reply, apiError(429, 'too-many-requests', 'too many requests for this token; slow down'));
    }
    if (!token) {
      const reason = request.headers.authorization ? 'malformed bearer token' : 'no bearer token';
      await refuse(store, request, reply, reason);
      return reply;
    }
    const verified = await store.verifyToken(token);
    if (verified.isErr()) return storeUnavailable(reply, verified.error);
    if (!verified.value) {
      await refuse(store, request, reply, 'unknown or revoked token');
      return reply;
    }
    rememberIdentity(request, verified.value);
    return undefined;
  };
}
