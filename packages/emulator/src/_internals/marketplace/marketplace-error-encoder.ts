import type { PipelineErrors } from '../shared/emulated-service.js';
import type { JsonAnswer } from '../shared/json-answer.js';
import { MarketplaceException } from './marketplace-exception.js';

/**
 * restJson1 errors: the name in `x-amzn-ErrorType`, `{"message"}` (plus the field list) in the body, the
 * request id in `x-amzn-RequestId`; anything not a MarketplaceException is an InternalServiceException.
 */
export function marketplaceErrorAnswer(error: unknown, requestId: string): JsonAnswer {
  const exception =
    error instanceof MarketplaceException
      ? error
      : new MarketplaceException('InternalServiceException', 500, `Emulator error: ${String(error)}`);
  return {
    status: exception.status,
    headers: { 'x-amzn-ErrorType': exception.exception, 'x-amzn-RequestId': requestId },
    body: {
      message: exception.message,
      ...(exception.fields ? { ValidationExceptionFieldList: exception.fields } : {}),
    },
  };
}

/** The service's errors for what the pipeline refuses or injects: ThrottlingException (429), 5xx. */
export const marketplaceGatewayErrors: PipelineErrors = {
  rateExceeded: (operation, limit) =>
    new MarketplaceException(
      'ThrottlingException',
      429,
      `Rate exceeded: ${operation} allows ${limit.perSecond} requests per second per account.`,
    ),
  injectedThrottle: () => new MarketplaceException('ThrottlingException', 429, 'Rate exceeded (injected).'),
  injectedServerError: (status, after) => {
    const when = after ? 'after the request took effect' : 'before the request';
    return status === 503
      ? new MarketplaceException('ServiceUnavailableException', 503, `Service unavailable (injected ${when}).`)
      : new MarketplaceException(
          'InternalServiceException',
          500,
          `There was an internal service exception (injected ${when}).`,
        );
  },
};
