import type { FastifyRequest } from 'fastify';
import type { TokenIdentity } from '../host/host-store.js';

// Kept beside the request rather than decorated on it: no module augmentation leaks into a plugin host's Fastify types.
const identities = new WeakMap<FastifyRequest, TokenIdentity>();

export function rememberIdentity(request: FastifyRequest, identity: TokenIdentity): void {
  identities.set(request, identity);
}

/** The identity the auth hook verified; every /v1 handler runs after it, so it is always there. */
export function identityOf(request: FastifyRequest): TokenIdentity {
  const identity = identities.get(request);
  if (!identity) throw new Error('a /v1 handler ran without the auth hook');
  return identity;
}

/** Whether a token may see a tenant's runs and audit rows: its own tenant, or any as an admin. */
export function seesTenant(identity: TokenIdentity, tenant: string | undefined): boolean {
  return identity.admin || identity.tenant === tenant;
}
