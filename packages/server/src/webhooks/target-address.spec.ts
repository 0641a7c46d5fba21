import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-policy.js';
import { sendDelivery } from './send-delivery.js';
import { addressKind, refusedAddress } from './target-address.js';

describe('addressKind', () => {
  describe('when called', () => {
    it.each([
      ['127.0.0.1', 'loopback'],
      ['::1', 'loopback'],
      ['10.0.0.8', 'private'],
      ['172.31.255.1', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'private'],
      ['::ffff:169.254.169.254', 'private'],
      ['fd12::1', 'private'],
      ['fe80::1', 'private'],
      ['93.184.216.34', 'public'],
      ['2606:4700::1111', 'public'],
    ])('should call %s %s', (address, kind) => {
      expect(addressKind(address)).toBe(kind);
    });
  });
});

describe('refusedAddress', () => {
  describe('having the operator allow private targets', () => {
    it('should allow a private address', () => {
      expect(refusedAddress('10.0.0.8', true)).toBeUndefined();
      expect(refusedAddress('10.0.0.8', false)).toMatch(/private address/);
    });
  });
});

describe('sendDelivery', () => {
  describe('having the metadata address as the receiver', () => {
    it('should refuse it at delivery time without a connection', async () => {
      const headers = { 'webhook-id': 'x', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' };
      const sent = await sendDelivery('http://169.254.169.254/latest', '{}', headers, {
        allowPrivate: false,
        timeoutMs: 1_000,
      });
      expect(sent.statusCode).toBeUndefined();
      expect(sent.error).toMatch(/169\.254\.169\.254 is a private address/);
    });
  });
});

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 3_000 };
  describe('when called', () => {
    it('should double each time within equal jitter, cap, and stop after the last attempt', () => {
      expect(retryDelayMs(policy, 1, () => 0)).toBe(500);
      expect(retryDelayMs(policy, 1, () => 1)).toBe(1_000);
      expect(retryDelayMs(policy, 2, () => 1)).toBe(2_000);
      expect(retryDelayMs(policy, 3, () => 1)).toBe(3_000);
      expect(retryDelayMs(policy, 4, () => 1)).toBeUndefined();
    });
  });
});
