import { describe, expect, it } from 'vitest';
import { hmacSha256, hmacSha256Hex, sameSignature, sha256Hex } from './signing-crypto.js';

describe('signing-crypto', () => {
  it('should give the published SHA-256 digests of the empty string and of "abc"', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('should give the RFC 4231 test case 2 HMAC-SHA256, as bytes and as hex', () => {
    const expected = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(expected);
    expect(hmacSha256(Buffer.from('Jefe'), 'what do ya want for nothing?').toString('hex')).toBe(expected);
  });

  it('should find equal signatures equal and any other text unequal, a shorter one included, without throwing', () => {
    const signature = sha256Hex('signed');
    expect(sameSignature(signature, signature)).toBe(true);
    expect(sameSignature(signature, sha256Hex('tampered'))).toBe(false);
    expect(sameSignature(signature, signature.slice(1))).toBe(false);
    expect(sameSignature(signature, '')).toBe(false);
  });
});
