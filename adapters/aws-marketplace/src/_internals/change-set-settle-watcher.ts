import {
  type ChangeSetSummaryListItem,
  DescribeChangeSetCommand,
  type ListChangeSetsCommandInput,
  type MarketplaceCatalogClient,
  paginateListChangeSets,
} from '@aws-sdk/client-marketplace-catalog';
import { RequestPacer } from '@changeplane/core/adapter';

const settledStatuses = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
/** EndTime filters compare at second precision; looking back a little covers clock skew and that rounding. */
const lookBackMs = 5_000;
/** Pages read per listing at most (20 change sets a page): more settling at once waits for the next listing. */
const maxPages = 5;
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What a waiter hears: the listing's summary of its settled change set, or nothing (time up, aborted). */
type Wake = (summary: ChangeSetSummaryListItem | undefined) => void;

/**
 * Learns when change sets settle with one ListChangeSets call for all of them (recently ended, newest
 * first) instead of one DescribeChangeSet per change set: with many change sets open, per-set polling
 * would exhaust DescribeChangeSet's 10/s and every waiter would hear late. Listings start every
 * `intervalMs` (from one start to the next, so a slow answer does not stretch the period), paced to
 * `listRatePerSecond`, and only while someone waits. With `describePacer`, while a single change set is
 * waited for (a chain: each set waits for the one before), it is also described halfway between two
 * listings: one DescribeChangeSet per interval, through the pacer of the provider's other describes, which
 * halves the time to hear it settled.
 */
export class ChangeSetSettleWatcher {
  readonly #client: MarketplaceCatalogClient;
  readonly #catalog: string;
  readonly #intervalMs: number;
  readonly #pacer: RequestPacer;
  readonly #describePacer: RequestPacer | undefined;
  readonly #waiters = new Map<string, Set<Wake>>();
  /** Waiters of settledOrAfter by change set (listeners, the lease keeper's, are not counted). */
  readonly #waited = new Map<string, number>();
  #since = 0;
  #lastPollAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    client: MarketplaceCatalogClient,
    catalog: string,
    intervalMs: number,
    listRatePerSecond: number,
    describePacer?: RequestPacer,
  ) {
    this.#client = client;
    this.#catalog = catalog;
    this.#intervalMs = intervalMs;
    this.#pacer = new RequestPacer(listRatePerSecond);
    this.#describePacer = describePacer;
  }

  /**
   * Resolves with the change set's summary (ChangeSetId, Status, EndTime, FailureCode, EntityIdList: the
   * listing's, or one made from a describe while it is the only one waited for) once it is seen settled, or `undefined` after `maxMs` or on abort (the caller then describes it).
   */
  settledOrAfter(
    changeSetId: string,
    maxMs: number,
    signal?: AbortSignal,
  ): Promise<ChangeSetSummaryListItem | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiters = this.#waitersOf(changeSetId);
      const done: Wake = (summary) => {
        clearTimeout(timer);
        if (!waiters.delete(done)) return;
        const left = (this.#waited.get(changeSetId) ?? 1) - 1;
        if (left > 0) this.#waited.set(changeSetId, left);
        else this.#waited.delete(changeSetId);
        if (waiters.size === 0 && this.#waiters.get(changeSetId) === waiters) this.#waiters.delete(changeSetId);
        signal?.removeEventListener('abort', onAbort);
        resolve(summary);
      };
      const onAbort = () => done(undefined);
      const timer = setTimeout(onAbort, maxMs);
      waiters.add(done);
      this.#waited.set(changeSetId, (this.#waited.get(changeSetId) ?? 0) + 1);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#schedule();
    });
  }

  /**
   * Calls `onSettled` once, when the change set is seen settled; no timer of its own (the lease keeper's
   * way to listen to every held change set cheaply). Returns the function that stops listening.
   */
  listen(changeSetId: string, onSettled: () => void): () => void {
    const waiters = this.#waitersOf(changeSetId);
    const done: Wake = (summary) => {
      if (!waiters.delete(done)) return;
      if (waiters.size === 0 && this.#waiters.get(changeSetId) === waiters) this.#waiters.delete(changeSetId);
      if (summary) onSettled();
    };
    waiters.add(done);
    this.#schedule();
    return () => done(undefined);
  }

  #waitersOf(changeSetId: string): Set<Wake> {
    const waiters = this.#waiters.get(changeSetId) ?? new Set<Wake>();
    this.#waiters.set(changeSetId, waiters);
    if (this.#since === 0) this.#since = Date.now() - lookBackMs;
    return waiters;
  }

  #schedule(): void {
    if (this.#timer || this.#waiters.size === 0) return;
    const delayMs = Math.max(0, this.#lastPollAt + this.#intervalMs - Date.now());
    this.#timer = setTimeout(() => {
      void this.#poll().finally(() => {
        this.#timer = undefined;
        this.#schedule();
      });
    }, delayMs);
    this.#timer.unref?.();
  }

  async #poll(): Promise<void> {
    const startedAt = Date.now();
    this.#lastPollAt = startedAt;
    if (this.#describePacer && this.#waited.size === 1) {
      setTimeout(() => void this.#describeTheOne(), this.#intervalMs / 2).unref?.();
    }
    const input: ListChangeSetsCommandInput = {
      Catalog: this.#catalog,
      FilterList: [
        { Name: 'Status', ValueList: settledStatuses },
        { Name: 'AfterEndTime', ValueList: [isoSeconds(this.#since)] },
      ],
      Sort: { SortBy: 'EndTime', SortOrder: 'DESCENDING' },
    };
    try {
      let pages = 0;
      await this.#pacer.turn();
      for await (const listed of paginateListChangeSets({ client: this.#client, pageSize: 20 }, input)) {
        for (const summary of listed.ChangeSetSummaryList ?? []) {
          for (const wake of [...(this.#waiters.get(summary.ChangeSetId ?? '') ?? [])]) wake(summary);
        }
        pages += 1;
        // A pacer turn only for a page that will be asked for: an unused turn would slow the next listing.
        if (!listed.NextToken || pages >= maxPages) break;
        await this.#pacer.turn();
      }
      this.#since = startedAt - lookBackMs;
    } catch {
      // A failed or throttled listing only delays the news: waiters describe on their own after maxMs.
    }
  }

  /** Describes the one change set waited for, if it still is the only one, and wakes it if settled. */
  async #describeTheOne(): Promise<void> {
    const [changeSetId] = this.#waited.size === 1 ? this.#waited.keys() : [];
    if (!changeSetId || !this.#describePacer) return;
    try {
      await this.#describePacer.turn();
      if (!this.#waited.has(changeSetId)) return;
      const described = await this.#client.send(
        new DescribeChangeSetCommand({ Catalog: this.#catalog, ChangeSetId: changeSetId }),
      );
      if (!settledStatuses.includes(described.Status ?? '')) return;
      const summary: ChangeSetSummaryListItem = {
        ChangeSetId: described.ChangeSetId ?? changeSetId,
        ...(described.ChangeSetArn ? { ChangeSetArn: described.ChangeSetArn } : {}),
        ...(described.ChangeSetName ? { ChangeSetName: described.ChangeSetName } : {}),
        ...(described.StartTime ? { StartTime: described.StartTime } : {}),
        ...(described.EndTime ? { EndTime: described.EndTime } : {}),
        Status: described.Status,
        ...(described.FailureCode ? { FailureCode: described.FailureCode } : {}),
        EntityIdList: [...new Set((described.ChangeSet ?? []).map((change) => change.Entity?.Identifier ?? ''))],
      };
      for (const wake of [...(this.#waiters.get(changeSetId) ?? [])]) wake(summary);
    } catch {
      // Only a faster way to the news: the listing still brings it.
    }
  }
}
