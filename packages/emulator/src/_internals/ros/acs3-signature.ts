import type { IncomingHttpHeaders } from 'node:http';
import type { RosCredentials } from '../../ros/ros-emulator-options.js';
import { encodeRfc3986 } from '../shared/rfc3986.js';
import { hmacSha256Hex, sameSignature, sha256Hex } from '../shared/signing-crypto.js';
import { RosError } from './ros-error.js';

const pattern = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/;

/**
 * Verifies an `ACS3-HMAC-SHA256` signature as Alibaba's gateway does: canonical query (decoded, re-encoded
 * RFC 3986, sorted), signed headers, the body hash (which must equal `x-acs-content-sha256`), a fresh
 * nonce and a date within 15 minutes. Returns the caller's key pair or throws the gateway's error.
 */
export function verifyAcs3Signature(
  method: string,
  rawQuery: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  accepted: readonly RosCredentials[],
  usedNonces: Set<string>,
): RosCredentials {
  const match = pattern.exec(String(headers.authorization ?? ''));
  if (!match) throw new RosError('MissingAuthorization', 400, 'The Authorization header is missing or malformed.');
  const [, accessKeyId, signedHeaders, signature] = match as unknown as [string, string, string, string];
  const credentials = accepted.find((candidate) => candidate.accessKeyId === accessKeyId);
  if (!credentials) throw new RosError('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.');

  const payloadHash = sha256Hex(body);
  if (headers['x-acs-content-sha256'] !== payloadHash) {
    throw new RosError(
      'SignatureDoesNotMatch',
      400,
      'The x-acs-content-sha256 header does not match the request body.',
    );
  }
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [key = '', value = ''] = pair.split('=');
      const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, '%20'));
      return [encodeRfc3986(decode(key)), encodeRfc3986(decode(value))] as const;
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const names = signedHeaders.split(';');
  const canonicalHeaders = names.map((name) => `${name}:${String(headers[name] ?? '').trim()}\n`).join('');
  const canonicalRequest = [method, '/', query, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`;
  if (!sameSignature(hmacSha256Hex(credentials.accessKeySecret, stringToSign), signature)) {
    throw new RosError('SignatureDoesNotMatch', 400, 'Specified signature does not match our calculation.');
  }
  const date = Date.parse(String(headers['x-acs-date'] ?? ''));
  if (!Number.isFinite(date) || Math.abs(Date.now() - date) > 15 * 60_000) {
    throw new RosError('InvalidTimeStamp.Expired', 400, 'Specified time stamp or date value is expired.');
  }
  const nonce = String(headers['x-acs-signature-nonce'] ?? '');
  if (!nonce || usedNonces.has(nonce))
    throw new RosError('SignatureNonceUsed', 400, 'Specified signature nonce was used already.');
  usedNonces.add(nonce);
  return credentials;
}
