import { ResultAsync } from 'neverthrow';
import { type ClientError, errorFromAnswer, networkError, type RouteKind, withoutToken } from './client-error.js';
import { retryAfterMs } from './retry-after.js';
import { sleep } from './sleep.js';

/** How 429 answers are retried: at most `attempts` more requests, none after a wait longer than `maxDelayMs`. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, maxDelayMs: 30_000 };
const noRetries: RetryPolicy = { attempts: 0, maxDelayMs: 0 };

/** What openapi-fetch answers for one request. */
export interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

export interface RequestContext {
  readonly origin: string;
  readonly token: string;
  readonly route: RouteKind;
  /** Retries on 429 only: set for requests that change nothing or that the server refuses before acting. */
  readonly retry?: RetryPolicy;
  readonly signal?: AbortSignal;
}

async function attempt<T>(send: () => Promise<Answer<T>>, context: RequestContext): Promise<T> {
  const policy = context.retry ?? noRetries;
  for (let retries = 0; ; retries += 1) {
    let answer: Answer<T>;
    try {
      answer = await send();
    } catch (cause) {
      throw networkError(cause, context.origin);
    }
    const { response } = answer;
    if (response.ok) return answer.data as T;
    const waitMs = retryAfterMs(response.headers.get('retry-after'), 1_000);
    const failure = errorFromAnswer(response.status, answer.error as never, context.route, waitMs);
    if (failure.kind !== 'rate-limited' || retries >= policy.attempts || waitMs > policy.maxDelayMs) throw failure;
    if (!(await sleep(waitMs, context.signal))) throw { kind: 'aborted', message: 'the request was aborted' };
  }
}

/**
 * Sends a request with openapi-fetch and answers its body, or the ClientError of the answer or the failure
 * (with 429 retried per `context.retry`). Never rejects; no error carries the token.
 */
export function sendRequest<T>(send: () => Promise<Answer<T>>, context: RequestContext): ResultAsync<T, ClientError> {
  return ResultAsync.fromPromise(attempt(send, context), (failure) =>
    withoutToken(asClientError(failure), context.token),
  );
}

function asClientError(failure: unknown): ClientError {
  if (typeof failure === 'object' && failure !== null && 'kind' in failure) return failure as ClientError;
  return { kind: 'server', message: `the answer could not be read: ${String(failure)}`, status: 0 };
}
