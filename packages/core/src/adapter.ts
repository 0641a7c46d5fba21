/**
 * `@changeplane/core/adapter`: what an adapter (a provider and its descriptor) or a store is built from, apart
 * from the user contract in `@changeplane/core`. The descriptor contract the CLI loads providers through, and
 * the helpers every adapter shares: request parsing, error making, retries, waiting, pacing, entity locks,
 * idempotency tokens and emulator wiring.
 *
 * @module \@changeplane/core/adapter
 */

export type { MissingPackageError } from './descriptor/missing-package-error.js';
export type {
  ConnectionRecord,
  ConnectionResolution,
  ProviderConnection,
} from './descriptor/provider-connection.js';
export type { DescriptorOption, ProviderDescriptor } from './descriptor/provider-descriptor.js';
export type {
  ConnectionInput,
  EmulatorSpeed,
  EmulatorStartOptions,
  ProviderRuntime,
  ProviderSetup,
  RunningEmulator,
  TargetContext,
} from './descriptor/provider-runtime.js';
export type { RunTarget, TargetPlan } from './descriptor/run-target.js';
export {
  type EmulatorLauncher,
  type EmulatorWiring,
  type StartedEmulatorServer,
  startEmulatorConnection,
} from './descriptor/start-emulator-connection.js';
export {
  type ChangeSetErrorFields,
  changeSetErrorFactory,
  createChangeSetError,
  createValidationError,
  reviseChangeSetError,
} from './errors/create-change-set-error.js';
export { isNetworkFailure } from './errors/is-network-failure.js';
export { defaultSecretRedactor, SecretRedactor, type SecretRedactorParts } from './errors/secret-redactor.js';
export { withClientToken } from './errors/with-client-token.js';
export type { ClientTokenRule } from './idempotency/client-token-rule.js';
export { generateClientToken, resolveClientToken } from './idempotency/resolve-client-token.js';
export { type ParseRequestContext, parseRequest, type RequestSchema } from './input/parse-request.js';
export { type PlainData, type PlainDataLimits, readPlainData } from './input/read-plain-data.js';
export {
  type AcquireEntityLocksOptions,
  acquireEntityLocks,
  releaseEntityLocks,
} from './locks/acquire-entity-locks.js';
export { currentEntityLeases } from './locks/current-entity-leases.js';
export { type EntityLocation, entityLockKey } from './locks/entity-lock-key.js';
export type { CheckedRequest } from './model/checked-request.js';
export { type RetryContext, retryAttempts } from './retry/retry-attempts.js';
export { RequestPacer } from './timing/request-pacer.js';
export { type WaitForContext, waitFor } from './waiter/wait-for.js';
export { waitUntilSettled } from './waiter/wait-until-settled.js';
export type { ChangeSetErrorVerdict, WaiterVerdict } from './waiter/waiter-verdict.js';
