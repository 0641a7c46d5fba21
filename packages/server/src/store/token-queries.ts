import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import type { StoreError, TokenIdentity, TokenListing } from '../host/host-store.js';
import type { HostDatabase } from './host-database.js';
import { newToken, tokenHash } from './tokens.js';

interface TokenRow {
  readonly name: string;
  readonly tenant: string;
  readonly scopes: string[];
  readonly approver: boolean;
  readonly admin: boolean;
  readonly requires_approval: boolean;
  readonly created_at: Date;
  readonly revoked_at: Date | null;
}

const identityOf = (row: TokenRow): TokenIdentity => ({
  name: row.name,
  tenant: row.tenant,
  scopes: row.scopes,
  approver: row.approver,
  admin: row.admin,
  requiresApproval: row.requires_approval,
});

/** Makes a token: only its hash is stored; the token is returned once. Names are unique per store. */
export function createToken(
  db: HostDatabase,
  identity: TokenIdentity,
): ResultAsync<{ readonly token: string }, StoreError | { kind: 'exists'; message: string }> {
  const token = newToken();
  return db
    .query(
      'token create',
      `INSERT INTO ${db.s}.tokens (name, hash, tenant, scopes, approver, admin, requires_approval)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (name) DO NOTHING`,
      [
        identity.name,
        tokenHash(token),
        identity.tenant,
        identity.scopes,
        identity.approver,
        identity.admin,
        identity.requiresApproval,
      ],
    )
    .andThen((result) =>
      result.rowCount === 1
        ? okAsync({ token })
        : errAsync({ kind: 'exists' as const, message: `a token named ${identity.name} exists` }),
    );
}

export function listTokens(db: HostDatabase): ResultAsync<readonly TokenListing[], StoreError> {
  return db.query<TokenRow>('token list', `SELECT * FROM ${db.s}.tokens ORDER BY name`).map((result) =>
    result.rows.map((row) => ({
      ...identityOf(row),
      createdAt: row.created_at.toISOString(),
      ...(row.revoked_at ? { revokedAt: row.revoked_at.toISOString() } : {}),
    })),
  );
}

/** Revokes a token by name; false when there is none (or it was revoked already). */
export function revokeToken(db: HostDatabase, name: string): ResultAsync<boolean, StoreError> {
  return db
    .query('token revoke', `UPDATE ${db.s}.tokens SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL`, [
      name,
    ])
    .map((result) => result.rowCount === 1);
}

/** The identity of a presented token, found by its hash; `undefined` when unknown or revoked. */
export function verifyToken(db: HostDatabase, token: string): ResultAsync<TokenIdentity | undefined, StoreError> {
  return db
    .query<TokenRow>('token verify', `SELECT * FROM ${db.s}.tokens WHERE hash = $1 AND revoked_at IS NULL`, [
      tokenHash(token),
    ])
    .map((result) => (result.rows[0] ? identityOf(result.rows[0]) : undefined));
}
