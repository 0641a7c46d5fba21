import { describe, expect, it } from 'vitest';
import { newSigningSecret, replayWindowSeconds, signedHeaders, verifyWebhook } from './webhook-signature.js';

describe('verifyWebhook', () => {
  const secret = newSigningSecret();
  const now = 1_800_000_000;
  const body = '{"type":"run.succeeded"}';
  const headers = signedHeaders(secret, 'msg_1', now, body);

  describe('having headers signed with the secret', () => {
    it('should accept them within the replay window', () => {
      expect(verifyWebhook(secret, { ...headers }, body, now + replayWindowSeconds)).toBeUndefined();
    });

    it('should refuse a timestamp older than the window', () => {
      expect(verifyWebhook(secret, { ...headers }, body, now + replayWindowSeconds + 1)).toBe('stale-timestamp');
    });

    it('should refuse a changed body or another secret', () => {
      expect(verifyWebhook(secret, { ...headers }, `${body} `, now)).toBe('bad-signature');
      expect(verifyWebhook(newSigningSecret(), { ...headers }, body, now)).toBe('bad-signature');
    });

    it('should accept one good signature among several (secret rotation)', () => {
      const rotated = { ...headers, 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` };
      expect(verifyWebhook(secret, rotated, body, now)).toBeUndefined();
    });
  });

  describe('having the Standard Webhooks test vector', () => {
    it('should compute its signature', () => {
      // From the Standard Webhooks reference libraries' tests.
      const vector = signedHeaders(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      );
      expect(vector['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    });
  });
});
