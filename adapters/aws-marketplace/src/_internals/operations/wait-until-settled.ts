import {
  type ChangeSetError,
  type ChangeSetRef,
  type ChangeSetState,
  type WaitOptions,
  waitUntilSettled,
} from '@changeplane/core';
import { ResultAsync } from 'neverthrow';
import { marketplaceProviderId } from '../marketplace-provider-id.js';
import type { MarketplaceSession } from '../marketplace-session.js';
import { describeChangeSet } from './describe-change-set.js';

/**
 * Describes once, then each time the catalog's shared settle watcher hears the change set settled (or the
 * safety net passes), until it has settled; its locks are released then.
 */
export function waitUntilChangeSetSettled(
  session: MarketplaceSession,
  ref: ChangeSetRef,
  options: WaitOptions,
): ResultAsync<ChangeSetState, ChangeSetError> {
  const watcher = session.settleWatcher(ref.scope.catalog ?? 'AWSMarketplace');
  // The watcher brings the news within its interval; a describe of its own now and then is only a safety
  // net (for a listing that failed), so it need not follow a short poll delay and crowd DescribeChangeSet.
  const safetyNetMs = Math.max(options.maxDelayMs ?? session.options.waiter?.maxDelayMs ?? 10_000, 5_000);
  const deadline = Date.now() + (options.maxWaitMs ?? session.options.waiter?.maxWaitMs ?? 30 * 60_000);
  let first = true;
  // Describe at once, then each time the shared watcher hears the change set settled (or the safety net
  // passes). One attempt per poll: the waiter itself treats a throttled or failed poll as "still running".
  const poll = () => {
    const waitMs = Math.max(0, Math.min(safetyNetMs, deadline - Date.now()));
    const heard = first ? Promise.resolve(false) : watcher.settledOrAfter(ref.changeSetId, waitMs, options.signal);
    first = false;
    return ResultAsync.fromSafePromise(heard).andThen(() =>
      describeChangeSet(session, ref, { retry: { maxAttempts: 1 } }),
    );
  };
  return waitUntilSettled(
    poll,
    marketplaceProviderId,
    { ...session.options.waiter },
    { ...options, minDelayMs: 1, maxDelayMs: 1 },
  ).map((state) => {
    void session.held.release(ref.changeSetId);
    return state;
  });
}
