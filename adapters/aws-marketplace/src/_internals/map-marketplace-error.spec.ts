import { describe, expect, it } from 'vitest';
import { mapMarketplaceError } from './map-marketplace-error.js';

// Only the cases the emulator cannot produce are built by hand here; the rest run over HTTP in the int spec.
const sdkError = (name: string, status?: number, extra: object = {}) =>
  Object.assign(new Error(`${name} happened`), {
    name,
    $metadata: { httpStatusCode: status, requestId: 'req-1' },
    ...extra,
  });

describe(mapMarketplaceError, () => {
  it.each([
    ['AccessDeniedException', 403, 'access-denied', false],
    ['ResourceNotSupportedException', 415, 'validation', false],
    ['ExpiredTokenException', 400, 'authentication', false],
    ['SomethingNewException', 400, 'provider-fault', false],
    ['SomethingNewException', 503, 'provider-fault', true],
  ] as const)('should map %s (%i) to %s', (name, status, kind, retryable) => {
    const error = mapMarketplaceError(sdkError(name, status), { operation: 'start' });
    expect(error).toMatchObject({
      kind,
      retryable,
      code: name,
      httpStatus: status,
      requestId: 'req-1',
      provider: 'aws-marketplace',
    });
  });

  it('should map network failures and timeouts to retryable network errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(mapMarketplaceError(refused, { operation: 'start' })).toMatchObject({
      kind: 'network',
      retryable: true,
      code: 'ECONNREFUSED',
    });
    expect(mapMarketplaceError(sdkError('TimeoutError'), { operation: 'start' })).toMatchObject({
      kind: 'network',
      retryable: true,
    });
  });

  it('should read a Retry-After header into retryAfterMs', () => {
    const throttled = sdkError('ThrottlingException', 429, { $response: { headers: { 'retry-after': '2' } } });
    expect(mapMarketplaceError(throttled, { operation: 'start' })).toMatchObject({
      kind: 'throttled',
      retryAfterMs: 2_000,
    });
  });
});
