import type { EmulatorRequest } from './emulator-request.js';
import type { OversizedAnswer } from './http-server.js';
import type { JsonAnswer } from './json-answer.js';
import type { Route } from './route.js';

/** The token bucket a request draws from, and its rate. */
export interface RateLimit {
  readonly key: string;
  readonly perSecond: number;
}

/** A service's errors for what the pipeline refuses or injects. */
export interface PipelineErrors {
  /** A request past its rate (`retryAfterMs` until the bucket has a token again). */
  rateExceeded(operation: string, limit: RateLimit, retryAfterMs: number): Error;
  /** An injected throttling fault. */
  injectedThrottle(): Error;
  /** An injected 5xx, before the request (`after` false) or after it took effect. */
  injectedServerError(status: 500 | 503, after: boolean): Error;
}

/**
 * What one provider plugs into the shared request pipeline: how it finds a route, verifies a signature,
 * limits rates, decodes a request for its handler, and encodes answers and errors on its wire.
 * `Request` is what it reads of the HTTP request, `Caller` whom the signature names, `Context` what a
 * handler gets and `Answer` what it gives.
 */
export interface EmulatedService<Request, Caller, Context, Answer = unknown> {
  /** A new request id, in the service's format. */
  newRequestId(): string;
  /** What the service reads of a request (path, query, headers). */
  read(request: EmulatorRequest): Request;
  /** `route` before `authenticate` (an unknown operation is refused before its signature is looked at), or after. */
  readonly routeBeforeSignature: boolean;
  /** The route of a request, or throws the service's unknown-operation error. */
  route(request: Request): Route<Context, Answer>;
  /** The signature verifier: the caller it names, or throws the gateway's error. */
  authenticate(request: Request): Caller;
  /** The bucket a request takes a token from; undefined when it is not limited. */
  rateLimit(operation: string, caller: Caller): RateLimit | undefined;
  /** What the handler gets; throws the service's error for a request it cannot decode. */
  context(request: Request, caller: Caller): Context;
  readonly errors: PipelineErrors;
  /** The error encoder: the answer to anything thrown (an internal error for what is not the service's own). */
  failure(error: unknown, requestId: string): JsonAnswer;
  /** The answer to a handled request. */
  success(answer: Answer, requestId: string): JsonAnswer;
  /** The answer to a request too large to read; default: a JSON error both SDK families can read. */
  readonly oversized?: OversizedAnswer;
}
