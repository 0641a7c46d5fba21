/** Longest token read: longer ones are refused without asking the store. */
const maxTokenLength = 512;

/**
 * The token of an `Authorization: Bearer <token>` header; `undefined` when the header is absent, of another
 * scheme, empty, too long or not made of the characters a bearer token may have (RFC 6750's b64token).
 */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  const token = match?.[1];
  return token && token.length <= maxTokenLength ? token : undefined;
}
