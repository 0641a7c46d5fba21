import { err, ok, type Result, ResultAsync } from 'neverthrow';
import { abortableDelay } from '../_internals/timing/abortable-delay.js';
import { abortedError } from '../_internals/timing/aborted-error.js';
import { waiterDelay } from '../_internals/waiter/waiter-delay.js';
import type { ChangeSetError } from '../errors/change-set-error.js';
import { createChangeSetError } from '../errors/create-change-set-error.js';
import { defaultWaiterPolicy, type WaiterPolicy } from './waiter-policy.js';
import type { WaiterVerdict } from './waiter-verdict.js';

/** What waitFor passes to each poll. */
export interface WaitForContext<T> {
  readonly provider: string;
  readonly operation: string;
  readonly policy?: Partial<WaiterPolicy>;
  readonly signal?: AbortSignal;
  /** Describes the last value seen, for the timeout error (`CREATE_IN_PROGRESS`). */
  readonly describe?: (value: T) => string;
  /** Called after every poll: for progress output. */
  readonly onPoll?: (value: T, attempt: number) => void;
}

/**
 * Polls until `verdict` says done or failed, the policy's `maxWaitMs` passes (kind `timeout`), or the signal
 * aborts (kind `aborted`). A poll that fails with a retryable error (throttling, a network blip) counts as
 * "still pending"; any other poll error ends the wait with that error.
 */
export function waitFor<T>(
  poll: () => ResultAsync<T, ChangeSetError>,
  verdict: (value: T) => WaiterVerdict,
  context: WaitForContext<T>,
): ResultAsync<T, ChangeSetError> {
  const policy: WaiterPolicy = { ...defaultWaiterPolicy, ...context.policy };
  const { provider, operation, signal } = context;
  const startedAt = Date.now();

  const run = async (): Promise<Result<T, ChangeSetError>> => {
    let lastSeen: T | undefined;
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) return err(abortedError(provider, operation, signal));
      const polled = await poll();
      if (polled.isErr() && !polled.error.retryable) return err(polled.error);
      if (polled.isOk()) {
        lastSeen = polled.value;
        context.onPoll?.(polled.value, attempt);
        const decision = verdict(polled.value);
        if (decision.state === 'done') return ok(polled.value);
        if (decision.state === 'failed') return err(decision.error);
      }
      const elapsedMs = Date.now() - startedAt;
      const remainingMs = policy.maxWaitMs - elapsedMs;
      if (remainingMs <= 0) {
        const lastStatus = lastSeen !== undefined ? context.describe?.(lastSeen) : undefined;
        return err(
          createChangeSetError('timeout', {
            provider,
            operation,
            message: `${operation} did not settle within ${policy.maxWaitMs} ms${lastStatus ? ` (last status ${lastStatus})` : ''}`,
            elapsedMs,
            lastStatus,
          }),
        );
      }
      // The last pause is cut short so the final poll happens right at the bound, not after it.
      const pause = Math.min(waiterDelay(attempt, policy), remainingMs);
      if (!(await abortableDelay(pause, signal))) return err(abortedError(provider, operation, signal));
    }
  };

  return new ResultAsync(run());
}
