import { type ChangeSetError, createChangeSetError } from '@changeplane/core';

interface RosSdkError {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  requestId?: string;
  retryAfter?: number;
  data?: { Message?: string; Code?: string; RequestId?: string };
}

const validationCodes = new Set([
  'InvalidSchema',
  'CircularDependency',
  'InvalidTemplateAttribute',
  'InvalidTemplatePropertyType',
  'InvalidTemplateReference',
  'InvalidTemplateSection',
  'InvalidTemplateVersion',
  'StackPolicyValidationFailed',
  'StackValidationFailed',
  'UnknownUserParameter',
  'UserParameterMissing',
  'InvalidParameter',
  'MissingParameter',
]);
const conflictCodes = new Set([
  'ChangeSetExists',
  'StackExists',
  'IdempotentParameterMismatch',
  'InvalidChangeSetStatus',
  'CancelUpdateStackNotSupported',
]);
const notFoundCodes = new Set(['ChangeSetNotFound', 'StackNotFound', 'TemplateNotFound']);
const authenticationCodes = new Set([
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidCredentials',
]);
// A fresh signature (new nonce, current clock) fixes these: worth one more attempt.
const retryableAuthenticationCodes = new Set(['SignatureNonceUsed', 'InvalidTimeStamp.Expired']);
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** What mapRosError needs to name the operation and the change set. */
export interface RosErrorContext {
  readonly operation: string;
  /** The stack, for `locked` errors. */
  readonly stack?: string;
}

/** Maps what `@alicloud/ros20190910` threw into the core union (table: docs/errors-alibaba-ros.md). */
export function mapRosError(thrown: unknown, context: RosErrorContext): ChangeSetError {
  const error = (thrown ?? {}) as RosSdkError;
  const code = error.data?.Code ?? error.code ?? error.name ?? 'Error';
  const message = error.data?.Message ?? error.message ?? code;
  const status = error.statusCode;
  const common = {
    provider: 'alibaba-ros',
    operation: context.operation,
    code,
    message,
    ...(status ? { httpStatus: status } : {}),
    ...((error.data?.RequestId ?? error.requestId) ? { requestId: error.data?.RequestId ?? error.requestId } : {}),
    cause: thrown,
  };
  if (code === 'ActionInProgress')
    return createChangeSetError('locked', { ...common, entities: context.stack ? [context.stack] : [] });
  if (code.includes('Throttling')) {
    return createChangeSetError('throttled', {
      ...common,
      ...(error.retryAfter ? { retryAfterMs: error.retryAfter } : {}),
    });
  }
  if (validationCodes.has(code))
    return createChangeSetError('validation', { ...common, issues: [{ path: '', rule: code, message }] });
  if (conflictCodes.has(code)) return createChangeSetError('conflict', common);
  if (notFoundCodes.has(code)) return createChangeSetError('not-found', common);
  if (code.startsWith('LimitExceeded'))
    return createChangeSetError('quota-exceeded', { ...common, limit: '20 change sets per stack' });
  if (authenticationCodes.has(code) || code.startsWith('InvalidSecurityToken'))
    return createChangeSetError('authentication', common);
  if (retryableAuthenticationCodes.has(code))
    return createChangeSetError('authentication', { ...common, retryable: true });
  if (code.startsWith('Forbidden') || code === 'NoPermission') return createChangeSetError('access-denied', common);
  if (status !== undefined && status >= 500) return createChangeSetError('provider-fault', common);
  if (networkCodes.has(code) || /socket hang up|ECONNRESET|ECONNREFUSED|timeout/i.test(message)) {
    return createChangeSetError('network', common);
  }
  if (error.name === 'SyntaxError')
    return createChangeSetError('provider-fault', {
      ...common,
      retryable: true,
      message: `unreadable answer: ${message}`,
    });
  return createChangeSetError('provider-fault', { ...common, retryable: false });
}
