import type { ResultAsync } from 'neverthrow';

/**
 * Retries a store statement until it succeeds or `stop()` says to give up (a PostgreSQL restart must not lose
 * a run's end or an event): backoff from 50 ms to 2 s. Resolves `undefined` when it gave up.
 */
export async function untilStored<Value, Failure>(
  attempt: () => ResultAsync<Value, Failure>,
  stop: () => boolean,
): Promise<Value | undefined> {
  let delay = 50;
  for (;;) {
    const result = await attempt();
    if (result.isOk()) return result.value;
    if (stop()) return undefined;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 2_000);
  }
}
