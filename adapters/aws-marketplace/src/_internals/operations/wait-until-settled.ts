import type { ChangeSetSummaryListItem, DescribeChangeSetCommandOutput } from '@aws-sdk/client-marketplace-catalog';
import { type ChangeSetError, type ChangeSetRef, type ChangeSetState, type WaitOptions } from '@changeplane/core';
import { waitUntilSettled } from '@changeplane/core/adapter';
import { ok, ResultAsync } from 'neverthrow';
import { defaultCatalog } from '../default-catalog.js';
import { marketplaceChangeSetState } from '../marketplace-change-set-state.js';
import { marketplaceProviderId } from '../marketplace-provider-id.js';
import type { MarketplaceSession } from '../marketplace-session.js';
import { describeChangeSetOutput } from './describe-change-set.js';

/**
 * Describes once, then each time the catalog's shared settle watcher hears the change set settled (or the
 * safety net passes), until it has settled; its locks are released then.
 */
export function waitUntilChangeSetSettled(
  session: MarketplaceSession,
  ref: ChangeSetRef,
  options: WaitOptions,
): ResultAsync<ChangeSetState, ChangeSetError> {
  const watcher = session.settleWatcher(ref.scope.catalog ?? defaultCatalog);
  // The watcher brings the news within its interval; a describe of its own now and then is only a safety
  // net (for a listing that failed), so it need not follow a short poll delay and crowd DescribeChangeSet.
  const safetyNetMs = Math.max(options.maxDelayMs ?? session.options.waiter?.maxDelayMs ?? 10_000, 5_000);
  const deadline = Date.now() + (options.maxWaitMs ?? session.options.waiter?.maxWaitMs ?? 30 * 60_000);
  let first = true;
  /** The last description, while running: its change list is the settled one's (only Status and EndTime move). */
  let running: DescribeChangeSetCommandOutput | undefined;
  const describe = async () => {
    const described = await describeChangeSetOutput(session, ref, { retry: { maxAttempts: 1 } }, 'describe');
    return described.map((output) => {
      running = output;
      return marketplaceChangeSetState(ref, output, session.redactor);
    });
  };
  // A SUCCEEDED listing plus the running description is exactly what a describe would answer now, so no
  // DescribeChangeSet follows the news, as long as both name the same entities (a create's identifier the
  // service gave only on success would differ: that one is described). FAILED and CANCELLED are described
  // for their reasons, which the listing lacks.
  const fromListing = (summary: ChangeSetSummaryListItem | undefined): ChangeSetState | undefined => {
    if (summary?.Status !== 'SUCCEEDED' || !summary.EndTime || !running) return undefined;
    const described = new Set((running.ChangeSet ?? []).map((change) => change.Entity?.Identifier ?? ''));
    const listed = summary.EntityIdList ?? [];
    if (described.has('') || listed.length !== described.size || !listed.every((id) => described.has(id))) {
      return undefined;
    }
    return marketplaceChangeSetState(
      ref,
      { ...running, Status: summary.Status, EndTime: summary.EndTime },
      session.redactor,
    );
  };
  // Describe at once, then each time the shared watcher hears the change set settled (or the safety net
  // passes). One attempt per poll: the waiter itself treats a throttled or failed poll as "still running".
  const poll = () => {
    const waitMs = Math.max(0, Math.min(safetyNetMs, deadline - Date.now()));
    const heard = first ? Promise.resolve(undefined) : watcher.settledOrAfter(ref.changeSetId, waitMs, options.signal);
    first = false;
    return new ResultAsync(
      heard.then((summary) => {
        const settled = fromListing(summary);
        return settled ? ok(settled) : describe();
      }),
    );
  };
  return waitUntilSettled(
    poll,
    marketplaceProviderId,
    { ...session.options.waiter },
    { ...options, minDelayMs: 1, maxDelayMs: 1 },
  ).andThen((state) =>
    // Released before the caller hears it settled, so the next change set on its entities finds them free.
    ResultAsync.fromSafePromise(
      session.held
        .release(ref.changeSetId)
        .catch(() => undefined)
        .then(() => state),
    ),
  );
}
