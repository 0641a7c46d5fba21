import { describe, expect, it } from 'vitest';
import { isNetworkFailure } from './is-network-failure.js';

describe(isNetworkFailure, () => {
  it.each([
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN example'],
    [undefined, 'socket hang up'],
    ['Error', 'read ECONNRESET'],
  ])('should take %s (%s) for the network', (code, message) => {
    expect(isNetworkFailure(code, message)).toBe(true);
  });

  it('should not take a provider answer for the network', () => {
    expect(isNetworkFailure('ThrottlingException', 'Rate exceeded')).toBe(false);
  });
});
