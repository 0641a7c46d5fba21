import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The hex SHA-256 of `data` (a body, a canonical request). */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** HMAC-SHA256 of `data` under `key`, as bytes (a step of a derived signing key). */
export function hmacSha256(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** HMAC-SHA256 of `data` under `key`, in hex (a signature). */
export function hmacSha256Hex(key: string | Buffer, data: string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

/** Whether two signatures are equal, compared in constant time; texts of different lengths are never equal. */
export function sameSignature(expected: string, received: string): boolean {
  const left = Buffer.from(expected);
  const right = Buffer.from(received);
  return left.length === right.length && timingSafeEqual(left, right);
}
