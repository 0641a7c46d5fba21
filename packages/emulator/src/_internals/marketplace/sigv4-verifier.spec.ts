import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import type { MarketplaceCredentials } from '../../marketplace/marketplace-emulator-options.js';
import { MarketplaceException } from './marketplace-exception.js';
import { verifySigV4 } from './sigv4-verifier.js';

const credentials: MarketplaceCredentials = {
  accessKeyId: 'AKIDEXAMPLEEMULATOR',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** Signs a request with the AWS SDK's own signer and returns what the emulator's server would see. */
async function signWithSdk(
  body: string,
  options: { secret?: string; service?: string; query?: Record<string, string> } = {},
) {
  const signer = new SignatureV4({
    service: options.service ?? 'aws-marketplace',
    region: 'us-east-1',
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: options.secret ?? credentials.secretAccessKey,
    },
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4566,
    path: '/StartChangeSet',
    query: options.query ?? {},
    headers: { host: '127.0.0.1:4566', 'content-type': 'application/json' },
    body,
  });
  const headers = Object.fromEntries(
    Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const url = new URL(`http://127.0.0.1:4566${signed.path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  return { headers, url };
}

describe('verifySigV4', () => {
  describe('given a request signed by @smithy/signature-v4 (the signer the AWS SDK uses)', () => {
    it('should accept it and return the caller credentials', async () => {
      const body = JSON.stringify({ Catalog: 'AWSMarketplace', ChangeSet: [] });
      const { headers, url } = await signWithSdk(body, { query: { b: 'two words', a: '1' } });

      const caller = verifySigV4('POST', url, headers, Buffer.from(body), [credentials]);

      expect(caller).toBe(credentials);
      expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLEEMULATOR\//);
    });

    it('should refuse the same request when the body changed after signing', async () => {
      const { headers, url } = await signWithSdk('{"Catalog":"AWSMarketplace"}');

      expect(() => verifySigV4('POST', url, headers, Buffer.from('{"Catalog":"Other"}'), [credentials])).toThrow(
        expect.objectContaining({ exception: 'InvalidSignatureException' }),
      );
    });

    it('should refuse a signature made with another secret', async () => {
      const body = '{}';
      const { headers, url } = await signWithSdk(body, { secret: 'not-the-secret' });

      let thrown: unknown;
      try {
        verifySigV4('POST', url, headers, Buffer.from(body), [credentials]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(MarketplaceException);
      expect(thrown).toMatchObject({ exception: 'InvalidSignatureException' });
    });

    it('should refuse a signature scoped to another service', async () => {
      const body = '{}';
      const { headers, url } = await signWithSdk(body, { service: 'execute-api' });

      expect(() => verifySigV4('POST', url, headers, Buffer.from(body), [credentials])).toThrow(
        'Credential should be scoped to correct service',
      );
    });
  });
});
