import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token: `cp_` and 32 random bytes, base64url. Shown once, never stored. */
export function newToken(): string {
  return `cp_${randomBytes(32).toString('base64url')}`;
}

/** What the store keeps of a token: its SHA-256, hex. Lookups go by this hash, never by the token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
