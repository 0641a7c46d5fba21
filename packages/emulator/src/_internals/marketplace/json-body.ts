import { MarketplaceException } from './marketplace-exception.js';

/** The JSON object a POST carries (an empty object for GET and PATCH, which carry none). */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MarketplaceException('SerializationException', 400, 'The request body is not a JSON object.');
  }
  return parsed as Record<string, unknown>;
}
