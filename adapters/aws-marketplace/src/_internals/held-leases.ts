import type { DescribeChangeSetCommandOutput } from '@aws-sdk/client-marketplace-catalog';
import {
  type ChangeSetError,
  type ChangeSetRef,
  type EntityLease,
  type EntityLockStore,
  isSettledStatus,
  type StartedChangeSet,
} from '@changeplane/core';
import { releaseEntityLocks, reviseChangeSetError } from '@changeplane/core/adapter';
import type { Result } from 'neverthrow';
import type { ChangeSetSettleWatcher } from './change-set-settle-watcher.js';
import { defaultCatalog } from './default-catalog.js';
import { marketplaceChangeSetState } from './marketplace-change-set-state.js';

/** The leases of one started change set, held until it settles. */
interface HeldEntry {
  leases: EntityLease[];
  readonly started: StartedChangeSet;
  readonly since: number;
  stopListening: () => void;
}

/** What the lease keeper needs of its provider. */
export interface HeldLeasesParts {
  readonly locks: EntityLockStore;
  readonly lockTtlMs: number;
  /** How long a held change set may go without news before the keeper describes it and renews. */
  readonly watchIntervalMs: number;
  readonly settleWatcher: (catalog: string) => ChangeSetSettleWatcher;
  /** One DescribeChangeSet, the keeper's safety net. */
  readonly describe: (ref: ChangeSetRef) => PromiseLike<Result<DescribeChangeSetCommandOutput, ChangeSetError>>;
}

/**
 * The leases of started change sets, kept until each settles, then released. It listens to the shared
 * settle watcher (no DescribeChangeSet per held change set, no timer per change set); one keeper timer
 * renews every held lease each `watchIntervalMs` and describes, as a safety net for a listing that failed,
 * the change sets held longer than that. It also knows which change set a start token started, so a lock
 * is reported by the id people see.
 */
export class HeldLeases {
  readonly #parts: HeldLeasesParts;
  /** Leases held for started change sets, by change-set id, with the watcher that releases them. */
  readonly #held = new Map<string, HeldEntry>();
  #keeper: ReturnType<typeof setInterval> | undefined;
  #keeping = false;
  /** Change-set ids by the start token that holds their locks, so a lock is reported by the id people see. */
  readonly #changeSetOfToken = new Map<string, string>();

  constructor(parts: HeldLeasesParts) {
    this.#parts = parts;
  }

  /** The change set a start token started, if this provider started it. */
  changeSetOf(holder: string): string | undefined {
    return this.#changeSetOfToken.get(holder);
  }

  /** `change set <id>` for a holder this provider started, else what is known of it. */
  holderName(holder: string): string {
    const changeSetId = this.#changeSetOfToken.get(holder);
    return changeSetId ? `change set ${changeSetId}` : `a change set being started (start token ${holder})`;
  }

  /** A lock error from core names the raw holder (a start token): name its change set instead. */
  nameHolder(error: ChangeSetError): ChangeSetError {
    if (error.kind !== 'locked' || !error.heldBy) return error;
    const name = this.holderName(error.heldBy);
    return reviseChangeSetError(error, {
      heldBy: this.#changeSetOfToken.get(error.heldBy) ?? error.heldBy,
      message: error.message.replace(`locked by ${error.heldBy}`, `locked by ${name}`),
    });
  }

  /** True while leases are held for the change set. */
  isHolding(changeSetId: string): boolean {
    return this.#held.has(changeSetId);
  }

  /** Keeps the leases of a change set just started (or adopted) until it settles. */
  hold(started: StartedChangeSet, leases: EntityLease[]): void {
    // Nothing locked, nothing to name or release: a change set without leases leaves no entry behind.
    if (leases.length === 0) return;
    this.#changeSetOfToken.set(started.startToken, started.changeSetId);
    const entry: HeldEntry = { leases, started, since: Date.now(), stopListening: () => {} };
    this.#held.set(started.changeSetId, entry);
    entry.stopListening = this.#parts
      .settleWatcher(started.scope.catalog ?? defaultCatalog)
      .listen(started.changeSetId, () => void this.release(started.changeSetId));
    if (!this.#keeper) {
      this.#keeper = setInterval(() => void this.#keepLeases(), this.#parts.watchIntervalMs);
      this.#keeper.unref?.();
    }
  }

  /** Releases the leases held for a change set (it settled); nothing when none are held. */
  async release(changeSetId: string): Promise<void> {
    const entry = this.#held.get(changeSetId);
    if (!entry) return;
    this.#held.delete(changeSetId);
    entry.stopListening();
    for (const lease of entry.leases) this.#changeSetOfToken.delete(lease.holder);
    await releaseEntityLocks(this.#parts.locks, entry.leases);
  }

  /** Stops the keeper and releases every held lease (for shutdown). */
  async dispose(): Promise<void> {
    clearInterval(this.#keeper);
    this.#keeper = undefined;
    await Promise.all([...this.#held.keys()].map((id) => this.release(id)));
  }

  async #keepLeases(): Promise<void> {
    if (this.#keeping) return;
    if (this.#held.size === 0) {
      clearInterval(this.#keeper);
      this.#keeper = undefined;
      return;
    }
    this.#keeping = true;
    try {
      const quietSince = Date.now() - this.#parts.watchIntervalMs;
      for (const [changeSetId, entry] of [...this.#held]) {
        if (entry.since > quietSince || this.#held.get(changeSetId) !== entry) continue;
        const state = await this.#parts.describe(entry.started);
        const status = state.isOk() ? marketplaceChangeSetState(entry.started, state.value).status : undefined;
        if (status && isSettledStatus(status)) {
          await this.release(changeSetId);
          continue;
        }
        entry.leases = await Promise.all(
          entry.leases.map(async (lease) =>
            (await this.#parts.locks.renew(lease, this.#parts.lockTtlMs)).unwrapOr(lease),
          ),
        );
      }
    } finally {
      this.#keeping = false;
    }
  }
}
