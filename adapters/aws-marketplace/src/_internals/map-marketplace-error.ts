import type { ChangeSetError, ValidationIssue } from '@changeplane/core';
import { changeSetErrorFactory, isNetworkFailure, type SecretRedactor } from '@changeplane/core/adapter';

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

/** What mapMarketplaceError needs to name the operation and the change set. */
export interface MarketplaceErrorContext {
  readonly operation: string;
  /** The entities of the call, for `locked` errors. */
  readonly entities?: readonly string[];
  /** Masks the provider's credentials in the error made here; credential-shaped text only by default. */
  readonly redactor?: SecretRedactor;
}

/**
 * Maps whatever the Marketplace Catalog SDK threw into the core union. The table is published in
 * docs/errors-aws-marketplace.md. The error is masked by `context.redactor` as it is made: a message quoting
 * the request (a session token in a canonical request) never reaches `message`, `inspect` or JSON.
 */
export function mapMarketplaceError(thrown: unknown, context: MarketplaceErrorContext): ChangeSetError {
  const create = changeSetErrorFactory(context.redactor);
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
      return create('locked', { ...common, message, entities: context.entities ?? [] });
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
      return create('validation', { ...common, message, issues });
    }
    case 'ResourceNotSupportedException':
      return create('validation', {
        ...common,
        message,
        issues: [{ path: '', rule: 'supported', message }],
      });
    case 'ServiceQuotaExceededException':
      return create('quota-exceeded', { ...common, message, limit: 'open change sets per account' });
    case 'ResourceNotFoundException':
      return create('not-found', { ...common, message });
    case 'AccessDeniedException':
      return create('access-denied', { ...common, message });
    case 'ThrottlingException': {
      const retryAfter = Number(error.$response?.headers?.['retry-after']);
      return create('throttled', {
        ...common,
        message,
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
      });
    }
    case 'InternalServiceException':
      return create('provider-fault', { ...common, message });
    case 'TimeoutError':
      return create('network', { ...common, message: `request timed out: ${message}` });
  }
  if (authenticationErrors.has(name)) return create('authentication', { ...common, message });
  if (isNetworkFailure(error.code, message)) {
    return create('network', { ...common, code: error.code ?? name, message });
  }
  if (name === 'SyntaxError') {
    return create('provider-fault', {
      ...common,
      retryable: true,
      message: `unreadable answer: ${message}`,
    });
  }
  const status = error.$metadata?.httpStatusCode;
  return create('provider-fault', {
    ...common,
    retryable: status !== undefined && status >= 500,
    message: `${name}: ${message}`,
  });
}
