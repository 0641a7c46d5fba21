import { ListChangeSetsCommand, type MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import { RequestPacer } from '@changeplane/core';

const settledStatuses = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
/** EndTime filters compare at second precision; looking back a little covers clock skew and that rounding. */
const lookBackMs = 5_000;
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Learns when change sets settle with one ListChangeSets call for all of them (recently ended, newest
 * first) instead of one DescribeChangeSet per change set: with many change sets open, per-set polling
 * would exhaust DescribeChangeSet's 10/s and every waiter would hear late.
 */
export class ChangeSetSettleWatcher {
  readonly #client: MarketplaceCatalogClient;
  readonly #catalog: string;
  readonly #intervalMs: number;
  readonly #pacer: RequestPacer;
  readonly #waiters = new Map<string, Set<(settled: boolean) => void>>();
  #since = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(client: MarketplaceCatalogClient, catalog: string, intervalMs: number, listRatePerSecond: number) {
    this.#client = client;
    this.#catalog = catalog;
    this.#intervalMs = intervalMs;
    this.#pacer = new RequestPacer(listRatePerSecond);
  }

  /**
   * Resolves `true` once the change set is seen settled, or `false` after `maxMs` or on abort (the caller
   * then describes it).
   */
  settledOrAfter(changeSetId: string, maxMs: number, signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiters = this.#waiters.get(changeSetId) ?? new Set<(settled: boolean) => void>();
      this.#waiters.set(changeSetId, waiters);
      const done = (settled: boolean) => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0) this.#waiters.delete(changeSetId);
        signal?.removeEventListener('abort', onAbort);
        resolve(settled);
      };
      const onAbort = () => done(false);
      const timer = setTimeout(onAbort, maxMs);
      waiters.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (this.#since === 0) this.#since = Date.now() - lookBackMs;
      this.#schedule();
    });
  }

  /**
   * Calls `onSettled` once, when the change set is seen settled; no timer of its own (the lease keeper's
   * way to listen to every held change set cheaply). Returns the function that stops listening.
   */
  listen(changeSetId: string, onSettled: () => void): () => void {
    const waiters = this.#waiters.get(changeSetId) ?? new Set<(settled: boolean) => void>();
    this.#waiters.set(changeSetId, waiters);
    const done = (settled: boolean) => {
      if (!waiters.delete(done)) return;
      if (waiters.size === 0 && this.#waiters.get(changeSetId) === waiters) this.#waiters.delete(changeSetId);
      if (settled) onSettled();
    };
    waiters.add(done);
    if (this.#since === 0) this.#since = Date.now() - lookBackMs;
    this.#schedule();
    return () => done(false);
  }

  #schedule(): void {
    if (this.#timer || this.#waiters.size === 0) return;
    this.#timer = setTimeout(() => {
      void this.#poll().finally(() => {
        this.#timer = undefined;
        this.#schedule();
      });
    }, this.#intervalMs);
    this.#timer.unref?.();
  }

  async #poll(): Promise<void> {
    const startedAt = Date.now();
    let nextToken: string | undefined;
    try {
      for (let page = 0; page < 5; page += 1) {
        await this.#pacer.turn();
        const listed = await this.#client.send(
          new ListChangeSetsCommand({
            Catalog: this.#catalog,
            FilterList: [
              { Name: 'Status', ValueList: settledStatuses },
              { Name: 'AfterEndTime', ValueList: [isoSeconds(this.#since)] },
            ],
            Sort: { SortBy: 'EndTime', SortOrder: 'DESCENDING' },
            MaxResults: 20,
            ...(nextToken ? { NextToken: nextToken } : {}),
          }),
        );
        for (const summary of listed.ChangeSetSummaryList ?? []) {
          for (const wake of [...(this.#waiters.get(summary.ChangeSetId ?? '') ?? [])]) wake(true);
        }
        nextToken = listed.NextToken;
        if (!nextToken) break;
      }
      this.#since = startedAt - lookBackMs;
    } catch {
      // A failed or throttled listing only delays the news: waiters describe on their own after maxMs.
    }
  }
}
