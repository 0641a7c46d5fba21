import { type ChangeSetError, createChangeSetError, type ValidationIssue } from '@changeplane/core';

interface SdkError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $response?: { headers?: Record<string, string> };
  ValidationExceptionFieldList?: { Field?: string; Reason?: string; Message?: string }[];
}

const authenticationErrors = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'CredentialsProviderError',
]);
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** What mapMarketplaceError needs to name the operation and the change set. */
export interface MarketplaceErrorContext {
  readonly operation: string;
  /** The entities of the call, for `locked` errors. */
  readonly entities?: readonly string[];
}

/**
 * Maps whatever the Marketplace Catalog SDK threw into the core union. The table is published in
 * docs/errors-aws-marketplace.md.
 */
export function mapMarketplaceError(thrown: unknown, context: MarketplaceErrorContext): ChangeSetError {
  const error = (thrown ?? {}) as SdkError;
  const name = error.name ?? 'Error';
  const message = error.message || name;
  const common = {
    provider: 'aws-marketplace',
    operation: context.operation,
    code: name,
    ...(error.$metadata?.httpStatusCode ? { httpStatus: error.$metadata.httpStatusCode } : {}),
    ...(error.$metadata?.requestId ? { requestId: error.$metadata.requestId } : {}),
    ...(error.$metadata?.attempts && error.$metadata.attempts > 1 ? { attempts: error.$metadata.attempts } : {}),
    cause: thrown,
  };
  switch (name) {
    case 'ResourceInUseException':
      return createChangeSetError('locked', { ...common, message, entities: context.entities ?? [] });
    case 'ValidationException': {
      const fields = error.ValidationExceptionFieldList ?? [];
      const issues: ValidationIssue[] =
        fields.length > 0
          ? fields.map((field) => ({
              path: field.Field ?? '',
              rule: field.Reason ?? 'service',
              message: field.Message ?? message,
            }))
          : [{ path: '', rule: 'service', message }];
      return createChangeSetError('validation', { ...common, message, issues });
    }
    case 'ResourceNotSupportedException':
      return createChangeSetError('validation', {
        ...common,
        message,
        issues: [{ path: '', rule: 'supported', message }],
      });
    case 'ServiceQuotaExceededException':
      return createChangeSetError('quota-exceeded', { ...common, message, limit: 'open change sets per account' });
    case 'ResourceNotFoundException':
      return createChangeSetError('not-found', { ...common, message });
    case 'AccessDeniedException':
      return createChangeSetError('access-denied', { ...common, message });
    case 'ThrottlingException': {
      const retryAfter = Number(error.$response?.headers?.['retry-after']);
      return createChangeSetError('throttled', {
        ...common,
        message,
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
      });
    }
    case 'InternalServiceException':
      return createChangeSetError('provider-fault', { ...common, message });
    case 'TimeoutError':
      return createChangeSetError('network', { ...common, message: `request timed out: ${message}` });
  }
  if (authenticationErrors.has(name)) return createChangeSetError('authentication', { ...common, message });
  if ((error.code && networkCodes.has(error.code)) || /socket hang up|ECONNRESET|ECONNREFUSED/.test(message)) {
    return createChangeSetError('network', { ...common, code: error.code ?? name, message });
  }
  if (name === 'SyntaxError') {
    return createChangeSetError('provider-fault', {
      ...common,
      retryable: true,
      message: `unreadable answer: ${message}`,
    });
  }
  const status = error.$metadata?.httpStatusCode;
  return createChangeSetError('provider-fault', {
    ...common,
    retryable: status !== undefined && status >= 500,
    message: `${name}: ${message}`,
  });
}
