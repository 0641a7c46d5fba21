import type { IncomingHttpHeaders } from 'node:http';
import type { MarketplaceCredentials } from '../../marketplace/marketplace-emulator-options.js';
import { encodeRfc3986 } from '../shared/rfc3986.js';
import { hmacSha256, hmacSha256Hex, sameSignature, sha256Hex } from '../shared/signing-crypto.js';
import { MarketplaceException } from './marketplace-exception.js';

const authorizationPattern =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

/**
 * Verifies a SigV4 (`AWS4-HMAC-SHA256`) request by recomputing its signature with the known secret
 * (node:crypto, the algorithm as `@smithy/signature-v4` signs): service `aws-marketplace`, any region in the
 * scope, and `x-amz-content-sha256` must really be the body's hash (the signer trusts that header, so a
 * server that only recomputed the signature would accept a body swapped after signing). Returns the
 * caller's credentials or throws the AWS common error the real endpoint answers with (403):
 * MissingAuthenticationTokenException, UnrecognizedClientException, InvalidSignatureException.
 */
export function verifySigV4(
  method: string,
  url: URL,
  headers: IncomingHttpHeaders,
  body: Buffer,
  accepted: readonly MarketplaceCredentials[],
): MarketplaceCredentials {
  const authorization = String(headers.authorization ?? '');
  const match = authorizationPattern.exec(authorization);
  if (!match)
    throw new MarketplaceException('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as string[];
  const credentials = accepted.find((candidate) => candidate.accessKeyId === accessKeyId);
  if (!credentials) {
    throw new MarketplaceException(
      'UnrecognizedClientException',
      403,
      'The security token included in the request is invalid.',
    );
  }
  if (service !== 'aws-marketplace') {
    throw new MarketplaceException(
      'InvalidSignatureException',
      403,
      `Credential should be scoped to correct service: 'aws-marketplace'.`,
    );
  }
  const bodyHash = sha256Hex(body);
  const declaredHash = headers['x-amz-content-sha256'];
  if (declaredHash !== undefined && declaredHash !== bodyHash && declaredHash !== 'UNSIGNED-PAYLOAD') {
    throw new MarketplaceException(
      'InvalidSignatureException',
      403,
      'The provided x-amz-content-sha256 header does not match what was computed.',
    );
  }
  const amzDate = String(headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(date as string)) {
    throw new MarketplaceException(
      'InvalidSignatureException',
      403,
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${amzDate.slice(0, 8)}'.`,
    );
  }
  const names = signedHeaders!.split(';');
  const canonicalHeaders = names
    .map(
      (name) =>
        `${name}:${String(headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const query = [...url.searchParams.entries()]
    .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const path = url.pathname
    .split('/')
    .map((segment) => encodeRfc3986(decodeURIComponent(segment)))
    .join('/');
  const canonicalRequest = [method, path, query, canonicalHeaders, signedHeaders, declaredHash ?? bodyHash].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmacSha256(
    hmacSha256(hmacSha256(hmacSha256(`AWS4${credentials.secretAccessKey}`, date!), region!), service!),
    'aws4_request',
  );
  if (!sameSignature(hmacSha256Hex(key, stringToSign), signature!)) {
    throw new MarketplaceException(
      'InvalidSignatureException',
      403,
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  return credentials;
}
