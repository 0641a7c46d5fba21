export { parseScope, type Scope, type ScopeError, scopeAllows, targetsOutsideScopes } from './auth/scope.js';
export {
  type CreateServerOptions,
  createServer,
  type HostServer,
  type ServerOptionsError,
} from './create-server.js';
export { type EmbeddedStore, type EmbeddedStoreError, openEmbeddedStore } from './embedded/open-embedded-store.js';
export type {
  AuditRow,
  HostStore,
  Page,
  RunActionError,
  StoredEvent,
  StoreError,
  Submission,
  SubmitError,
  TokenIdentity,
  TokenListing,
} from './host/host-store.js';
export type { RunState, RunTaskView, RunView } from './host/run-view.js';
export type { HostWorkers } from './host/workers.js';
export type { ServerLimits } from './http/server-limits.js';
export type { HostMetrics } from './observability/host-metrics.js';
export { HostTelemetry, type HostTelemetryOptions } from './observability/host-telemetry.js';
export { type StartedTracing, startTracingFromEnv, tracingRequested } from './observability/start-tracing.js';
export type {
  CheckedPlan,
  HeldChangeSet,
  PlanProblem,
  PlanRunner,
  PlanTarget,
  RunnerContext,
  RunnerEvent,
  RunnerOutcome,
} from './plan-runner.js';
export {
  PostgresHostStore,
  type PostgresHostStoreConnection,
  type PostgresHostStoreOptions,
} from './store/postgres-host-store.js';
export type { WebhookEvent } from './store/webhook-schema.js';
export type { RetryPolicy } from './webhooks/retry-policy.js';
export type { WebhookOptions } from './webhooks/webhook-service.js';
export {
  replayWindowSeconds,
  signedHeaders,
  type VerifyFailure,
  verifyWebhook,
  type WebhookHeaders,
} from './webhooks/webhook-signature.js';
export { PostgresWorkers, type PostgresWorkersOptions } from './workers/postgres-workers.js';
