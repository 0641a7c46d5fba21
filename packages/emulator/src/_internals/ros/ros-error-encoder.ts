import { randomUUID } from 'node:crypto';
import type { PipelineErrors } from '../shared/emulated-service.js';
import { maxRequestBodyBytes, maxRequestHeadBytes, type OversizedAnswer } from '../shared/http-server.js';
import type { JsonAnswer } from '../shared/json-answer.js';
import { RosError } from './ros-error.js';

const hostId = 'ros.aliyuncs.com';

/** ROS errors on the wire: `{Code, Message, RequestId}` (the SDK reads these), the error's headers; anything else is InternalError. */
export function rosErrorAnswer(error: unknown, requestId: string): JsonAnswer {
  const rosError = error instanceof RosError ? error : new RosError('InternalError', 500, String(error));
  return {
    status: rosError.status,
    headers: rosError.headers,
    body: {
      Code: rosError.code,
      Message: rosError.message,
      RequestId: requestId,
      HostId: hostId,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${rosError.code}`,
    },
  };
}

/** Past the emulator's head or body limit: still a ROS error the SDK can read (Code, Message, RequestId). */
export const rosOversizedAnswer: OversizedAnswer = (what) => ({
  status: what === 'head' ? 431 : 413,
  body: {
    Code: what === 'head' ? 'RequestHeaderFieldsTooLarge' : 'RequestEntityTooLarge',
    Message:
      what === 'head'
        ? `The request line and headers exceed ${maxRequestHeadBytes} bytes; the query string carries every parameter but TemplateBody.`
        : `The request body exceeds ${maxRequestBodyBytes} bytes.`,
    RequestId: randomUUID().toUpperCase(),
    HostId: hostId,
  },
});

const throttled = (message: string, retryAfterMs: number) =>
  new RosError('Throttling.User', 400, message, { 'x-acs-retry-after': String(retryAfterMs) });

/** The gateway's errors for what the pipeline refuses or injects: Throttling.User (with x-acs-retry-after), 5xx. */
export const rosGatewayErrors: PipelineErrors = {
  rateExceeded: (_action, _limit, retryAfterMs) =>
    throttled('Request was denied due to user flow control.', retryAfterMs),
  injectedThrottle: () => throttled('Request was denied due to user flow control (injected).', 200),
  injectedServerError: (status, after) => {
    if (after) {
      return new RosError(
        'InternalError',
        500,
        'The request processing has failed due to some unknown error (after it took effect).',
      );
    }
    return status === 503
      ? new RosError('ServiceUnavailable', 503, 'The request has failed due to a temporary failure of the server.')
      : new RosError('InternalError', 500, 'The request processing has failed due to some unknown error.');
  },
};
