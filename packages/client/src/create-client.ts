import type { Result, ResultAsync } from 'neverthrow';
import createFetchClient from 'openapi-fetch';
import type { paths } from './_generated/openapi.js';
import type { ClientError } from './client-error.js';
import { type EventsOptions, runEvents } from './run-events.js';
import type { RunAccepted, RunPage, RunState, RunStreamEvent, RunView } from './run-view.js';
import { defaultRetryPolicy, type RequestContext, type RetryPolicy, sendRequest } from './send-request.js';
import { type WaitOptions, waitForRun } from './wait-for-run.js';

export interface ClientOptions {
  /** The server, as `changeplane serve` prints it: `http://127.0.0.1:8080`. */
  readonly url: string;
  /** A bearer token from `changeplane token create`. */
  readonly token: string;
  /** 429 retries of submit, getRun and listRuns (default: 3 retries, none after a Retry-After over 30 s). */
  readonly retry?: RetryPolicy;
  /** Another fetch (default: the global one). */
  readonly fetch?: typeof fetch;
}

export interface SubmitOptions {
  /** How a string plan is written; default: `json` when it starts with `{`, else `yaml`. Objects are sent as JSON. */
  readonly format?: 'json' | 'yaml';
  /** The same key and the same plan answer the same run (1 to 200 characters). */
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

export interface ListRunsOptions {
  readonly state?: RunState;
  readonly tenant?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/** The bot host's API, typed from its OpenAPI document; every method answers a Result, never throws. */
export interface ChangeplaneClient {
  submit(plan: string | object, options?: SubmitOptions): ResultAsync<RunAccepted, ClientError>;
  getRun(runId: string): ResultAsync<RunView, ClientError>;
  listRuns(options?: ListRunsOptions): ResultAsync<RunPage, ClientError>;
  cancel(runId: string): ResultAsync<RunView, ClientError>;
  /** Approves (or, with `approve: false`, rejects) the plan digest the run shows in `awaitingApproval`. */
  approve(runId: string, digest: string, approve?: boolean): ResultAsync<RunView, ClientError>;
  /** The run's events until it has ended, reconnecting with Last-Event-ID; an `err` is the last item. */
  events(runId: string, options?: EventsOptions): AsyncIterable<Result<RunStreamEvent, ClientError>>;
  /** Follows the run's events to its end and answers the final run. */
  wait(runId: string, options?: WaitOptions): ResultAsync<RunView, ClientError>;
}

function planBody(plan: string | object, format: SubmitOptions['format']): { body: string; type: string } {
  if (typeof plan !== 'string') return { body: JSON.stringify(plan), type: 'application/json' };
  const json = (format ?? (plan.trimStart().startsWith('{') ? 'json' : 'yaml')) === 'json';
  return { body: plan, type: json ? 'application/json' : 'application/yaml' };
}

/** A client of one server with one token. */
export function createClient(options: ClientOptions): ChangeplaneClient {
  const url = options.url.replace(/\/+$/, '');
  const { token } = options;
  const origin = URL.canParse(url) ? new URL(url).origin : url;
  const api = createFetchClient<paths>({
    baseUrl: url,
    headers: { authorization: `Bearer ${token}` },
    ...(options.fetch ? { fetch: (request: Request) => options.fetch!(request) } : {}),
  });
  const retry = options.retry ?? defaultRetryPolicy;
  const context = (extra: Partial<RequestContext> = {}): RequestContext => ({
    origin,
    token,
    route: 'other',
    ...extra,
  });
  const path = (runId: string) => ({ params: { path: { id: runId } } });

  const getRun = (runId: string) =>
    sendRequest(() => api.GET('/v1/runs/{id}', path(runId)), context({ retry })) as ResultAsync<RunView, ClientError>;
  const client: ChangeplaneClient = {
    submit: (plan, submitOptions = {}) => {
      const { body, type } = planBody(plan, submitOptions.format);
      const headers: Record<string, string> = { 'content-type': type };
      if (submitOptions.idempotencyKey) headers['idempotency-key'] = submitOptions.idempotencyKey;
      return sendRequest(
        () =>
          api.POST('/v1/runs', { body, headers, bodySerializer: (raw) => raw as string, signal: submitOptions.signal }),
        context({ route: 'submit', retry, signal: submitOptions.signal }),
      ) as ResultAsync<RunAccepted, ClientError>;
    },
    getRun,
    listRuns: (query = {}) =>
      sendRequest(() => api.GET('/v1/runs', { params: { query } }), context({ retry })) as ResultAsync<
        RunPage,
        ClientError
      >,
    cancel: (runId) =>
      sendRequest(() => api.POST('/v1/runs/{id}/cancel', path(runId)), context()) as ResultAsync<RunView, ClientError>,
    approve: (runId, digest, approve = true) =>
      sendRequest(
        () => api.POST('/v1/runs/{id}/approve', { ...path(runId), body: { digest, approve } }),
        context(),
      ) as ResultAsync<RunView, ClientError>,
    events: (runId, eventsOptions) =>
      runEvents({ url, token, fetch: options.fetch ?? fetch, getRun }, runId, eventsOptions),
    wait: (runId, waitOptions = {}) => waitForRun(client, runId, waitOptions),
  };
  return client;
}
