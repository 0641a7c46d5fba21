import type { components } from './_generated/openapi.js';

/** A problem the server found in a plan: where (dotted path), what, and the loader's rule when it has one. */
export type PlanIssue = NonNullable<components['schemas']['Error']['issues']>[number];
/** A target of a plan: the provider and the target as the runner names it. */
export type PlanTarget = NonNullable<components['schemas']['Error']['targets']>[number];

/**
 * Why a call did not succeed. Messages come from the server's error body or are written here; none carries
 * the token (every message is also scrubbed of it).
 */
export type ClientError =
  /** 401: no token, an unknown or revoked one. */
  | { readonly kind: 'unauthorized'; readonly message: string }
  /** 403: another tenant, no approver role, or plan targets outside the token's scopes (`targets`). */
  | { readonly kind: 'forbidden'; readonly message: string; readonly targets: readonly PlanTarget[] }
  /** 400/413/415/422 on submit: the plan cannot be read or breaks the schema (`issues`); nothing was queued. */
  | { readonly kind: 'invalid-plan'; readonly message: string; readonly issues: readonly PlanIssue[] }
  /** 400 elsewhere: a request this client built that the server refuses (a bad state filter, say). */
  | { readonly kind: 'bad-request'; readonly message: string }
  /** 404: no such run, or another tenant's. */
  | { readonly kind: 'not-found'; readonly message: string }
  /** 409, or 422 `idempotency-conflict`: the run has finished, is not awaiting that approval, or the key names another plan. */
  | { readonly kind: 'conflict'; readonly message: string }
  /** 429 after the retries this client makes: wait `retryAfterMs` before the next request. */
  | { readonly kind: 'rate-limited'; readonly message: string; readonly retryAfterMs: number }
  /** The server could not be reached, or the connection broke. */
  | { readonly kind: 'network'; readonly message: string }
  /** 5xx or an answer this client does not understand. */
  | { readonly kind: 'server'; readonly message: string; readonly status: number }
  /** The caller's AbortSignal fired. */
  | { readonly kind: 'aborted'; readonly message: string };

export type ClientErrorKind = ClientError['kind'];

/** What a route is, so a status maps to the right kind (a 400 on submit is about the plan). */
export type RouteKind = 'submit' | 'other';

interface ErrorBody {
  readonly error?: unknown;
  readonly message?: unknown;
  readonly issues?: unknown;
  readonly targets?: unknown;
}

const planStatuses = new Set([400, 413, 415, 422]);

function messageOf(body: ErrorBody | undefined, status: number): string {
  return typeof body?.message === 'string' ? body.message : `the server answered ${status}`;
}

/** The ClientError for an answer that is not a success (its body as the server's `{ error, message }` JSON). */
export function errorFromAnswer(
  status: number,
  body: ErrorBody | undefined,
  route: RouteKind,
  retryAfterMs: number,
): ClientError {
  const message = messageOf(body, status);
  if (status === 401) return { kind: 'unauthorized', message };
  if (status === 403)
    return { kind: 'forbidden', message, targets: Array.isArray(body?.targets) ? (body.targets as PlanTarget[]) : [] };
  if (status === 404) return { kind: 'not-found', message };
  if (status === 409 || body?.error === 'idempotency-conflict') return { kind: 'conflict', message };
  if (status === 429) return { kind: 'rate-limited', message, retryAfterMs };
  if (route === 'submit' && planStatuses.has(status))
    return { kind: 'invalid-plan', message, issues: Array.isArray(body?.issues) ? (body.issues as PlanIssue[]) : [] };
  if (status >= 400 && status < 500) return { kind: 'bad-request', message };
  return { kind: 'server', message, status };
}

/** A fetch that failed before an answer: its cause's code (ECONNREFUSED...) and the server's origin. */
export function networkError(cause: unknown, origin: string): ClientError {
  if (isAbort(cause)) return { kind: 'aborted', message: 'the request was aborted' };
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const detail =
    typeof inner?.code === 'string'
      ? inner.code
      : typeof inner?.message === 'string'
        ? inner.message
        : cause instanceof Error
          ? cause.message
          : String(cause);
  return { kind: 'network', message: `the server at ${origin} could not be reached: ${detail}` };
}

function isAbort(cause: unknown): boolean {
  return cause instanceof Error && (cause.name === 'AbortError' || cause.name === 'TimeoutError');
}

/** The error with every occurrence of the token in its message replaced: whatever a cause said, no token leaves. */
export function withoutToken(error: ClientError, token: string): ClientError {
  if (token.length === 0 || !error.message.includes(token)) return error;
  return { ...error, message: error.message.replaceAll(token, '[token]') };
}
