import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { bearerToken } from '../../auth/bearer-token.js';
import type { HostStore } from '../../host/host-store.js';
import type { HostMetrics } from '../../observability/host-metrics.js';
import { addressKind } from '../../webhooks/target-address.js';
import { apiError, sendError } from '../api-error.js';

/** Whether the server listens on loopback only: then its metrics are open (only this machine reaches them). */
function boundToLoopback(request: FastifyRequest): boolean {
  const address = request.server.server.address() as AddressInfo | null;
  return address !== null && addressKind(address.address) === 'loopback';
}

/**
 * GET /metrics in the Prometheus text format: open on a loopback bind, otherwise for an admin token (metrics
 * name tenants). Not in the OpenAPI document: it is not part of the /v1 API.
 */
export const metricsRoute: FastifyPluginAsync<{ metrics: HostMetrics; store: HostStore }> = async (
  app,
  { metrics, store },
) => {
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!boundToLoopback(request)) {
      const token = bearerToken(request.headers.authorization);
      const identity = token ? await store.verifyToken(token) : undefined;
      if (!identity?.isOk() || !identity.value?.admin) {
        reply.header('www-authenticate', 'Bearer');
        return sendError(reply, apiError(401, 'unauthorized', 'metrics need an admin token off loopback'));
      }
    }
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
};

/** Every request's duration, by route pattern (never the raw URL: ids would explode the label set). */
export function recordHttpDurations(app: FastifyInstance, metrics: HostMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
