import { errAsync, okAsync, type Result, ResultAsync } from 'neverthrow';
import type { ClientError } from './client-error.js';
import type { EventsOptions } from './run-events.js';
import { isFinal, type RunStreamEvent, type RunView } from './run-view.js';

export interface WaitOptions extends Omit<EventsOptions, 'lastEventId'> {
  /** Called with each event as it comes (the CLI draws its live display from them). */
  readonly onEvent?: (event: RunStreamEvent) => void;
  /** Resume after this event id instead of from the run's first event. */
  readonly lastEventId?: number;
}

/** What `wait` needs of the client. */
interface Follows {
  events(runId: string, options?: EventsOptions): AsyncIterable<Result<RunStreamEvent, ClientError>>;
  getRun(runId: string): ResultAsync<RunView, ClientError>;
}

async function follow(client: Follows, runId: string, options: WaitOptions): Promise<ClientError | undefined> {
  for await (const item of client.events(runId, options)) {
    if (item.isErr()) return item.error;
    options.onEvent?.(item.value);
  }
  return undefined;
}

/**
 * Follows a run's event stream (reconnecting as `events` does) until the run has ended, then answers the final
 * run as the server shows it.
 */
export function waitForRun(client: Follows, runId: string, options: WaitOptions): ResultAsync<RunView, ClientError> {
  return ResultAsync.fromSafePromise(follow(client, runId, options)).andThen((failure) => {
    if (failure) return errAsync(failure);
    return client.getRun(runId).andThen((run) =>
      isFinal(run)
        ? okAsync(run)
        : errAsync<RunView, ClientError>({
            kind: 'server',
            message: `the run's stream ended while it is ${run.state}`,
            status: 200,
          }),
    );
  });
}
