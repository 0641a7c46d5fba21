import { err, ok, type Result, type ResultAsync } from 'neverthrow';
import { type ClientError, errorFromAnswer, networkError, withoutToken } from './client-error.js';
import { retryAfterMs } from './retry-after.js';
import { type HostRunEvent, isFinal, type RunStreamEvent, type RunView } from './run-view.js';
import { serverSentEvents } from './server-sent-events.js';
import { sleep } from './sleep.js';

export interface EventsOptions {
  /** Resume after this event id (what the last `RunStreamEvent.id` was). */
  readonly lastEventId?: number;
  readonly signal?: AbortSignal;
  /** Reconnections in a row without an event before giving up (default 10). */
  readonly maxReconnects?: number;
}

/** What the stream needs of the client. */
export interface StreamDeps {
  readonly url: string;
  readonly token: string;
  readonly fetch: typeof fetch;
  readonly getRun: (runId: string) => ResultAsync<RunView, ClientError>;
}

// Failures worth another connection: the server restarting, draining, or asking to slow down.
const transient = new Set<ClientError['kind']>(['network', 'server', 'rate-limited']);

const backoffMs = (failures: number) => Math.min(250 * 2 ** failures, 5_000);

async function openStream(
  deps: StreamDeps,
  runId: string,
  lastEventId: number | undefined,
  signal: AbortSignal | undefined,
): Promise<Result<ReadableStream<Uint8Array>, ClientError>> {
  const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${deps.token}` };
  if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
  try {
    const response = await deps.fetch(`${deps.url}/v1/runs/${encodeURIComponent(runId)}/events`, { headers, signal });
    if (response.ok && response.body) return ok(response.body);
    const body = await response.json().catch(() => undefined);
    const waitMs = retryAfterMs(response.headers.get('retry-after'), 1_000);
    return err(errorFromAnswer(response.status, body as never, 'other', waitMs));
  } catch (cause) {
    return err(networkError(cause, new URL(deps.url).origin));
  }
}

function streamEvent(id: string | undefined, data: string): RunStreamEvent | undefined {
  try {
    const event = JSON.parse(data) as HostRunEvent;
    return typeof event?.type === 'string' ? { id: Number(id), event } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A run's events from `GET /v1/runs/{id}/events`, until the run has ended: when a stream ends, the run is
 * read, and a run still under way (the server closed, a network blip) is followed on a new connection that
 * sends `Last-Event-ID`. Yields `ok(event)`s, then at most one `err` (not found, unauthorized, aborted, or
 * too many reconnections in a row) and stops.
 */
export async function* runEvents(
  deps: StreamDeps,
  runId: string,
  options: EventsOptions = {},
): AsyncGenerator<Result<RunStreamEvent, ClientError>> {
  const { signal } = options;
  const maxReconnects = options.maxReconnects ?? 10;
  let lastEventId = options.lastEventId;
  let failures = 0;
  const aborted = (): ClientError => ({ kind: 'aborted', message: 'following the run was aborted' });
  for (;;) {
    if (signal?.aborted) return yield err(aborted());
    const opened = await openStream(deps, runId, lastEventId, signal);
    let failure: ClientError | undefined = opened.isErr() ? opened.error : undefined;
    if (opened.isOk()) {
      try {
        for await (const message of serverSentEvents(opened.value)) {
          const parsed = streamEvent(message.id, message.data);
          if (!parsed) continue;
          failures = 0;
          lastEventId = parsed.id;
          yield ok(parsed);
        }
      } catch (cause) {
        failure = networkError(cause, new URL(deps.url).origin);
      }
      if (!failure) {
        const run = await deps.getRun(runId);
        if (run.isOk() && isFinal(run.value)) return;
        failure = run.isErr() ? run.error : undefined;
      }
    }
    if (signal?.aborted) return yield err(aborted());
    if (failure && (!transient.has(failure.kind) || failures >= maxReconnects))
      return yield err(withoutToken(failure, deps.token));
    const waitMs = failure?.kind === 'rate-limited' ? failure.retryAfterMs : backoffMs(failures);
    if (failure) failures += 1;
    if (!(await sleep(waitMs, signal))) return yield err(aborted());
  }
}
