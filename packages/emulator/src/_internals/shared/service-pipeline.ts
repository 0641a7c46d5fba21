import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorServerOptions } from '../../shared/emulator-server-options.js';
import { FaultInjector } from '../../shared/fault-injector.js';
import type { RunningServiceEmulator } from '../../shared/running-service-emulator.js';
import { answerControl, type ControlEndpoints, controlPathPrefix } from './control-routes.js';
import { delay } from './delay.js';
import type { EmulatedService } from './emulated-service.js';
import { dropConnection, sendJson, startHttpServer } from './http-server.js';
import type { JsonAnswer } from './json-answer.js';
import { RateLimiter } from './rate-limiter.js';
import { RequestCounter } from './request-counter.js';
import type { Route } from './route.js';

const send = (response: ServerResponse, answer: JsonAnswer) =>
  sendJson(response, answer.status, answer.body, answer.headers);

/**
 * Starts an emulator: the shared HTTP server and the one request path both services take.
 *
 * A request under `/_emulator/` goes to the control API (control-routes.ts). Any other goes: read -> route and signature (in the service's order) -> count -> injected fault
 * (slow, drop, throttle, 5xx) -> rate limit -> decode -> handler -> after-faults (drop, 5xx: the request
 * took effect, but the caller never hears so) -> the service's success answer. Anything thrown on the way
 * is answered by the service's error encoder.
 */
export async function startServicePipeline<Request, Caller, Context, Answer>(
  service: EmulatedService<Request, Caller, Context, Answer>,
  options: EmulatorServerOptions & {
    /** Runs on close, before the server stops (cancels the state's scheduled transitions). */
    readonly onClose?: () => void;
    /** The control API under `/_emulator/`; the faults are the pipeline's own, given once it has made them. */
    readonly control?: (faults: FaultInjector) => ControlEndpoints;
  },
): Promise<RunningServiceEmulator> {
  const faults = new FaultInjector(options.faults ?? [], options.faultSeed);
  const limiter = new RateLimiter();
  const counter = new RequestCounter();
  const control = options.control?.(faults);

  const handle = async (incoming: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> => {
    // The control API first: unsigned, never counted, faulted or rate limited.
    if (control && incoming.url?.startsWith(controlPathPrefix)) {
      try {
        return send(response, answerControl(incoming.method ?? '', incoming.url, body, control));
      } catch (error) {
        return send(response, { status: 500, body: { message: `control API: ${(error as Error).message}` } });
      }
    }
    const requestId = service.newRequestId();
    try {
      const request = service.read({
        method: incoming.method ?? '',
        target: incoming.url ?? '/',
        headers: incoming.headers,
        body,
      });
      let route: Route<Context, Answer>;
      let caller: Caller;
      if (service.routeBeforeSignature) {
        route = service.route(request);
        caller = service.authenticate(request);
      } else {
        caller = service.authenticate(request);
        route = service.route(request);
      }
      const { operation } = route;
      counter.add(operation);

      const fault = faults.next(operation);
      if (fault?.kind === 'slow') await delay(fault.delayMs);
      if (fault?.kind === 'drop' && !fault.after) return dropConnection(response);
      if (fault?.kind === 'throttle') throw service.errors.injectedThrottle();
      if (fault?.kind === 'server-error' && !fault.after) throw service.errors.injectedServerError(fault.status, false);
      const limit = service.rateLimit(operation, caller);
      if (limit && !limiter.tryTake(limit.key, limit.perSecond)) {
        throw service.errors.rateExceeded(operation, limit, limiter.retryAfterMs(limit.key, limit.perSecond));
      }

      const answer = route.handle(service.context(request, caller));

      if (fault?.kind === 'drop') {
        await delay(fault.delayMs);
        return dropConnection(response);
      }
      if (fault?.kind === 'server-error') throw service.errors.injectedServerError(fault.status, true);
      send(response, service.success(answer, requestId));
    } catch (error) {
      send(response, service.failure(error, requestId));
    }
  };

  const server = await startHttpServer(handle, {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    ...(service.oversized ? { oversized: service.oversized } : {}),
  });
  return {
    endpoint: server.endpoint,
    host: server.host,
    port: server.port,
    faults,
    requestCount: (operation) => counter.count(operation),
    close: async () => {
      options.onClose?.();
      await server.close();
    },
  };
}
