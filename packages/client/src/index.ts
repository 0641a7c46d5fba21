export type { components, paths } from './_generated/openapi.js';
export type { ClientError, ClientErrorKind, PlanIssue, PlanTarget } from './client-error.js';
export {
  type ChangeplaneClient,
  type ClientOptions,
  createClient,
  type ListRunsOptions,
  type SubmitOptions,
} from './create-client.js';
export type { EventsOptions } from './run-events.js';
export {
  type HostRunEvent,
  isFinal,
  type RunAccepted,
  type RunPage,
  type RunState,
  type RunStreamEvent,
  type RunView,
} from './run-view.js';
export type { RetryPolicy } from './send-request.js';
export type { WaitOptions } from './wait-for-run.js';
