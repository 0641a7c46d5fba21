import type { AddressInfo } from 'node:net';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { err, ok, type Result } from 'neverthrow';
import { authenticate } from './auth/authenticate.js';
import type { HostStore } from './host/host-store.js';
import type { HostWorkers } from './host/workers.js';
import { installErrorHandlers } from './http/error-handler.js';
import type { HostDeps } from './http/host-deps.js';
import { statusDatabaseOf } from './http/host-status.js';
import type { OverviewStream } from './http/overview-stream.js';
import { healthRoutes } from './http/routes/health.js';
import { metricsRoute, recordHttpDurations } from './http/routes/metrics.js';
import { readAuditRoute } from './http/routes/read-audit.js';
import { readRunsRoutes } from './http/routes/read-runs.js';
import { readStatusRoutes } from './http/routes/read-status.js';
import { runActionsRoutes } from './http/routes/run-actions.js';
import { type OpenStreams, runEventsRoute } from './http/routes/run-events.js';
import { statusPageRoutes } from './http/routes/status-page.js';
import { submitRunRoute } from './http/routes/submit-run.js';
import { webhookRoutes } from './http/routes/webhooks.js';
import { defaultServerLimits, type ServerLimits } from './http/server-limits.js';
import { TokenBuckets } from './http/token-bucket.js';
import { HostTelemetry } from './observability/host-telemetry.js';
import type { PlanRunner } from './plan-runner.js';
import { PostgresHostStore } from './store/postgres-host-store.js';
import { type WebhookOptions, WebhookService } from './webhooks/webhook-service.js';

export interface CreateServerOptions {
  readonly store: HostStore;
  readonly runner: PlanRunner;
  /** The workers that claim and carry out runs: started by `listen`, drained by `close`. */
  readonly workers?: HostWorkers;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port (`listen` says which). */
  readonly port?: number;
  /** Pino options, `true` for Fastify's defaults, or `false` (the default) for no log. */
  readonly logger?: FastifyServerOptions['logger'];
  readonly limits?: Partial<ServerLimits>;
  /**
   * Whether webhook receivers may be on private addresses (RFC 1918, link-local with 169.254.169.254, ULA);
   * loopback receivers always may. Default false.
   */
  readonly allowPrivateWebhookTargets?: boolean;
  /**
   * Metrics, traces and run logs: give the same one whose `observe(runner)` the workers carry runs with. Default:
   * one of its own (HTTP and store metrics only).
   */
  readonly telemetry?: HostTelemetry;
  /** Webhook delivery settings (the secrets' key, retries); webhooks need the PostgreSQL store. */
  readonly webhooks?: Omit<WebhookOptions, 'allowPrivateTargets'>;
}

export interface HostServer {
  /** The Fastify instance, for a plugin host that adds its own routes before `listen`. */
  readonly app: FastifyInstance;
  /** Listens, starts the workers, and gives the URL (`http://127.0.0.1:8080`). */
  listen(): Promise<string>;
  /** Stops claiming runs and waits for the workers' runs (drain), ends event streams, closes the server. */
  close(): Promise<void>;
}

export interface ServerOptionsError {
  readonly kind: 'invalid-options';
  readonly message: string;
}

function checkedOptions(options: CreateServerOptions): Result<ServerLimits, ServerOptionsError> {
  const limits = { ...defaultServerLimits, ...options.limits };
  const invalid = Object.entries(limits).find(([, value]) => !(Number.isFinite(value) && value > 0));
  if (invalid) return err({ kind: 'invalid-options', message: `limits.${invalid[0]} must be a positive number` });
  const port = options.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    return err({ kind: 'invalid-options', message: `port must be an integer from 0 to 65535, not ${port}` });
  }
  return ok(limits);
}

function urlOf(app: FastifyInstance): string {
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function registerApi(
  app: FastifyInstance,
  deps: HostDeps,
  streams: OpenStreams,
  overviewStreams: Set<OverviewStream>,
  webhooks: WebhookService | undefined,
): void {
  app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'changeplane bot host', version: '1', description: 'docs/server.md' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.register(healthRoutes, deps);
  app.register(statusPageRoutes);
  const buckets = new TokenBuckets(deps.limits.requestsPerSecond, deps.limits.burst);
  app.register(
    async (v1) => {
      v1.addHook('onRequest', authenticate(deps.store, buckets));
      await v1.register(submitRunRoute, deps);
      await v1.register(readRunsRoutes, deps);
      await v1.register(runActionsRoutes, deps);
      await v1.register(runEventsRoute, { ...deps, streams });
      await v1.register(readAuditRoute, deps);
      await v1.register(readStatusRoutes, { ...deps, database: statusDatabaseOf(deps.store), overviewStreams });
      if (webhooks) await v1.register(webhookRoutes, { webhooks });
    },
    { prefix: '/v1' },
  );
}

/** Webhooks live in the PostgreSQL store (a trigger on runs makes the deliveries); another store has none. */
function webhookServiceOf(options: CreateServerOptions): WebhookService | undefined {
  if (!(options.store instanceof PostgresHostStore)) return undefined;
  return new WebhookService(options.store.database, {
    ...options.webhooks,
    allowPrivateTargets: options.allowPrivateWebhookTargets ?? false,
  });
}

/**
 * The bot host's HTTP API on Fastify, around a store, a runner and (optionally) the workers. Nothing listens
 * until `listen`; a plugin host may add routes to `app` first.
 */
export function createServer(options: CreateServerOptions): Result<HostServer, ServerOptionsError> {
  const checked = checkedOptions(options);
  if (checked.isErr()) return err(checked.error);
  const limits = checked.value;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: limits.bodyBytes });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  const streams: OpenStreams = new Set();
  const overviewStreams = new Set<OverviewStream>();
  // Event streams never end by themselves while a run goes on: end them so close does not wait for them.
  app.addHook('preClose', async () => {
    for (const stream of [...streams, ...overviewStreams]) stream.end();
  });
  const webhooks = webhookServiceOf(options);
  const telemetry =
    options.telemetry ??
    new HostTelemetry(options.store instanceof PostgresHostStore ? { db: options.store.database } : {});
  telemetry.useLogger(app.log);
  recordHttpDurations(app, telemetry.metrics);
  app.register(metricsRoute, { metrics: telemetry.metrics, store: options.store });
  registerApi(app, { store: options.store, runner: options.runner, limits }, streams, overviewStreams, webhooks);
  let workersStarted = false;
  return ok({
    app,
    listen: async () => {
      // Fastify logs the listening URL as one JSON line ("Server listening at http://...").
      await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
      options.workers?.start();
      workersStarted = true;
      await webhooks?.start(app.log);
      return urlOf(app);
    },
    close: async () => {
      if (workersStarted) await options.workers?.drain();
      await webhooks?.stop();
      await app.close();
    },
  });
}
