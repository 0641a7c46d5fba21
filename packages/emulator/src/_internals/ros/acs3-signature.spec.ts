import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAcs3Signature } from './acs3-signature.js';

const credentials = { accessKeyId: 'LTAIexample', accessKeySecret: 'secret-value' };

/** Signs like the SDK does (providers.md, steps 1-6), so replay and clock cases can be built exactly. */
function signed(nonce: string, date = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')) {
  const body = Buffer.from('');
  const hash = createHash('sha256').update(body).digest('hex');
  const headers: Record<string, string> = {
    host: '127.0.0.1:1',
    'x-acs-action': 'GetStack',
    'x-acs-content-sha256': hash,
    'x-acs-date': date,
    'x-acs-signature-nonce': nonce,
    'x-acs-version': '2019-09-10',
  };
  const names = Object.keys(headers).sort();
  const canonical = [
    'POST',
    '/',
    'RegionId=cn-hangzhou',
    names.map((name) => `${name}:${headers[name]}\n`).join(''),
    names.join(';'),
    hash,
  ].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  const signature = createHmac('sha256', credentials.accessKeySecret).update(toSign).digest('hex');
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${credentials.accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`;
  return { headers, body };
}

describe(verifyAcs3Signature, () => {
  it('should accept a request once and refuse its nonce the second time', () => {
    const nonces = new Set<string>();
    const { headers, body } = signed('nonce-1');
    expect(verifyAcs3Signature('POST', 'RegionId=cn-hangzhou', headers, body, [credentials], nonces)).toBe(credentials);
    expect(() => verifyAcs3Signature('POST', 'RegionId=cn-hangzhou', headers, body, [credentials], nonces)).toThrow(
      expect.objectContaining({ code: 'SignatureNonceUsed', status: 400 }),
    );
  });

  it('should refuse a date more than 15 minutes off', () => {
    const { headers, body } = signed(
      'nonce-2',
      new Date(Date.now() - 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
    expect(() => verifyAcs3Signature('POST', 'RegionId=cn-hangzhou', headers, body, [credentials], new Set())).toThrow(
      expect.objectContaining({ code: 'InvalidTimeStamp.Expired' }),
    );
  });

  it('should refuse a body that does not match its declared hash, and a tampered query', () => {
    const { headers } = signed('nonce-3');
    expect(() =>
      verifyAcs3Signature('POST', 'RegionId=cn-hangzhou', headers, Buffer.from('x'), [credentials], new Set()),
    ).toThrow(expect.objectContaining({ code: 'SignatureDoesNotMatch' }));
    const fresh = signed('nonce-4');
    expect(() =>
      verifyAcs3Signature('POST', 'RegionId=cn-beijing', fresh.headers, fresh.body, [credentials], new Set()),
    ).toThrow(expect.objectContaining({ code: 'SignatureDoesNotMatch' }));
  });
});
