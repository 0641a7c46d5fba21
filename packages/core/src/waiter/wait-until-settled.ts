import type { ResultAsync } from 'neverthrow';
import type { ChangeSetError } from '../errors/change-set-error.js';
import type { ChangeSetState } from '../model/change-set-state.js';
import { isSettledStatus } from '../model/change-set-status.js';
import type { WaitOptions } from '../provider/wait-options.js';
import { waitFor } from './wait-for.js';
import type { WaiterPolicy } from './waiter-policy.js';

/**
 * The `waitUntilSettled` every provider needs: poll `describe` until the change set succeeds, fails or is
 * cancelled, within the caller's policy over the provider's defaults.
 */
export function waitUntilSettled(
  describe: () => ResultAsync<ChangeSetState, ChangeSetError>,
  provider: string,
  defaults: Partial<WaiterPolicy>,
  options: WaitOptions = {},
): ResultAsync<ChangeSetState, ChangeSetError> {
  const { signal, ...policy } = options;
  return waitFor(describe, (state) => (isSettledStatus(state.status) ? { state: 'done' } : { state: 'pending' }), {
    provider,
    operation: 'wait',
    policy: { ...defaults, ...policy },
    describe: (state) => state.rawStatus,
    ...(signal ? { signal } : {}),
  });
}
