import type { ChangeSetError } from '@changeplane/core';
import { changeSetErrorFactory, isNetworkFailure, type SecretRedactor } from '@changeplane/core/adapter';
import { rosProviderId } from './ros-provider-id.js';

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

// The SDK appends the request line to the socket error, with no space and the whole query (every parameter
// and the client token): `getaddrinfo ENOTFOUND ros.aliyuncs.comPOST https://ros.aliyuncs.com/?... failed.`
const requestLine = /(GET|POST|PUT|DELETE|PATCH|HEAD) (https?:\/\/[^\s/?]+)\S* failed\.?$/;

/** `POST https://ros.aliyuncs.com failed: getaddrinfo ENOTFOUND ros.aliyuncs.com`: where it went, not the query. */
function networkMessage(message: string): string {
  const line = requestLine.exec(message);
  if (!line) return message;
  const cause = message.slice(0, line.index).trim();
  return `${line[1]} ${line[2]} failed${cause ? `: ${cause}` : ''}`;
}

/** What mapRosError needs to name the operation and the change set. */
export interface RosErrorContext {
  readonly operation: string;
  /** The stack, for `locked` errors. */
  readonly stack?: string;
  /** Masks the provider's credentials in the error made here; credential-shaped text only by default. */
  readonly redactor?: SecretRedactor;
}

/**
 * Maps what `@alicloud/ros20190910` threw into the core union (table: docs/errors-alibaba-ros.md), masked by
 * `context.redactor` as it is made: a message quoting the request (a security token in the string to sign)
 * never reaches `message`, `inspect` or JSON.
 */
export function mapRosError(thrown: unknown, context: RosErrorContext): ChangeSetError {
  const create = changeSetErrorFactory(context.redactor);
  const error = (thrown ?? {}) as RosSdkError;
  const code = error.data?.Code ?? error.code ?? error.name ?? 'Error';
  const message = error.data?.Message ?? error.message ?? code;
  const status = error.statusCode;
  const common = {
    provider: rosProviderId,
    operation: context.operation,
    code,
    message,
    ...(status ? { httpStatus: status } : {}),
    ...((error.data?.RequestId ?? error.requestId) ? { requestId: error.data?.RequestId ?? error.requestId } : {}),
    cause: thrown,
  };
  if (code === 'ActionInProgress')
    return create('locked', { ...common, entities: context.stack ? [context.stack] : [] });
  if (code.includes('Throttling')) {
    return create('throttled', {
      ...common,
      ...(error.retryAfter ? { retryAfterMs: error.retryAfter } : {}),
    });
  }
  if (validationCodes.has(code))
    return create('validation', { ...common, issues: [{ path: '', rule: code, message }] });
  if (conflictCodes.has(code)) return create('conflict', common);
  if (notFoundCodes.has(code)) return create('not-found', common);
  if (code.startsWith('LimitExceeded'))
    return create('quota-exceeded', {
      ...common,
      limit: code === 'LimitExceeded.Stack' ? '200 stacks per account' : '20 change sets per stack',
    });
  if (authenticationCodes.has(code) || code.startsWith('InvalidSecurityToken')) return create('authentication', common);
  if (retryableAuthenticationCodes.has(code)) return create('authentication', { ...common, retryable: true });
  if (code.startsWith('Forbidden') || code === 'NoPermission') return create('access-denied', common);
  if (status !== undefined && status >= 500) return create('provider-fault', common);
  if (isNetworkFailure(code, message) || /timeout/i.test(message)) {
    // The cause is kept only as its summary anyway: give it the same message, not the query again.
    const short = networkMessage(message);
    return create('network', { ...common, message: short, cause: { name: error.name, message: short, code } });
  }
  if (error.name === 'SyntaxError')
    return create('provider-fault', {
      ...common,
      retryable: true,
      message: `unreadable answer: ${message}`,
    });
  return create('provider-fault', { ...common, retryable: false });
}
