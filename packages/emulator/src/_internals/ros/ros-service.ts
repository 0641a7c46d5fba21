import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RosCredentials } from '../../ros/ros-emulator-options.js';
import type { EmulatedService } from '../shared/emulated-service.js';
import { verifyAcs3Signature } from './acs3-signature.js';
import { checkParameterTypes } from './create-change-set-rules.js';
import type { RosActionContext, RosAnswer } from './ros-action-context.js';
import { RosError } from './ros-error.js';
import { rosErrorAnswer, rosGatewayErrors, rosOversizedAnswer } from './ros-error-encoder.js';
import { RosRequestParameters } from './ros-request-parameters.js';
import { rosRoutes } from './ros-routes.js';
import type { RosState } from './ros-state.js';

/** What ROS reads of a request: every call is `POST /`, the action and version in `x-acs-*` headers. */
export interface RosWireRequest {
  readonly method: string;
  /** The raw query string: the signature covers it as sent. */
  readonly rawQuery: string;
  readonly headers: IncomingHttpHeaders;
  /** The form body (TemplateBody travels there). */
  readonly body: Buffer;
}

const apiVersion = '2019-09-10';

/**
 * ROS 2019-09-10 plugged into the shared pipeline: ACS3-HMAC-SHA256 verified first (nonces remembered), then
 * the version and the action (`x-acs-action`); a rate per AccessKeyId when `requestsPerSecond` is set;
 * parameter types checked before any handler; `{..., RequestId}` answers and `{Code, Message, RequestId}` errors.
 */
export function rosService(settings: {
  readonly state: RosState;
  readonly accepted: readonly RosCredentials[];
  readonly requestsPerSecond?: number;
}): EmulatedService<RosWireRequest, RosCredentials, RosActionContext, RosAnswer> {
  const { state, accepted, requestsPerSecond } = settings;
  const nonces = new Set<string>();
  return {
    newRequestId: () => randomUUID().toUpperCase(),
    read: ({ method, target, headers, body }) => ({ method, rawQuery: target.split('?', 2)[1] ?? '', headers, body }),
    routeBeforeSignature: false,
    authenticate: ({ method, rawQuery, headers, body }) =>
      verifyAcs3Signature(method, rawQuery, headers, body, accepted, nonces),
    route: ({ headers }) => {
      if (headers['x-acs-version'] !== apiVersion)
        throw new RosError('InvalidVersion', 400, 'Specified parameter Version is not valid.');
      const action = String(headers['x-acs-action'] ?? '');
      const route = Object.hasOwn(rosRoutes, action) ? rosRoutes[action] : undefined;
      if (!route) throw new RosError('InvalidAction.NotFound', 404, `Specified api ${action} is not found.`);
      return route;
    },
    rateLimit: (_action, caller) =>
      requestsPerSecond ? { key: caller.accessKeyId, perSecond: requestsPerSecond } : undefined,
    context: ({ rawQuery, body }) => {
      const params = new RosRequestParameters(
        new URLSearchParams(rawQuery),
        new URLSearchParams(body.toString('utf8')),
      );
      checkParameterTypes(params);
      return { state, params };
    },
    errors: rosGatewayErrors,
    failure: rosErrorAnswer,
    success: (answer, requestId) => ({ status: 200, body: { ...answer, RequestId: requestId } }),
    oversized: rosOversizedAnswer,
  };
}
