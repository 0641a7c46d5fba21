// A deployment bot for the bot host (`changeplane serve`): it submits a plan with @changeplane/client, follows
// the run's events as they come, and answers the run's end. Failures are values (neverthrow), never thrown.
import { type ClientError, createClient, type RunView } from '@changeplane/client';
import type { ResultAsync } from 'neverthrow';

export interface DeploymentBotOptions {
  /** The host, as `changeplane serve` prints it. */
  readonly url: string;
  /** A token from `changeplane token create` whose scopes cover the plan's targets. */
  readonly token: string;
  /** The same key and plan answer the same run: a bot that retries after a crash queues its plan once. */
  readonly idempotencyKey?: string;
  readonly log?: (line: string) => void;
}

/** Submits `plan` (an object, or JSON/YAML text) and waits for the run to end. */
export function deploy(plan: string | object, options: DeploymentBotOptions): ResultAsync<RunView, ClientError> {
  const client = createClient({ url: options.url, token: options.token });
  const log = options.log ?? console.log;
  return client
    .submit(plan, options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {})
    .andThen((accepted) => {
      log(`run ${accepted.id} ${accepted.state}${accepted.position ? `, place ${accepted.position} in line` : ''}`);
      return client.wait(accepted.id, {
        onEvent: ({ event }) => {
          if (event.type === 'task-status') log(`${String(event.task)}: ${String(event.status)}`);
        },
      });
    });
}
