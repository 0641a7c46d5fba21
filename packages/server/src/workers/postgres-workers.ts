import { randomUUID } from 'node:crypto';
import type { HostWorkers } from '../host/workers.js';
import type { PlanRunner } from '../plan-runner.js';
import { adoptRuns, type ClaimedRun, claimRun } from '../queue/claim-run.js';
import { claimWake } from '../store/host-notifications.js';
import type { PostgresHostStore } from '../store/postgres-host-store.js';
import { CarriedRun } from './carried-run.js';
import { sweepHealingLocks } from './healing-sweeper.js';
import { handOver, heartbeat, markGone } from './server-presence.js';

export interface PostgresWorkersOptions {
  /** This server's id (default a random UUID); a restart under the same id adopts its own runs at once. */
  readonly serverId?: string;
  /** Runs carried out at once (default 4). */
  readonly concurrency?: number;
  readonly heartbeatMs?: number;
  /** A server silent this long is dead: its runs are adopted (default 10 s). */
  readonly deadAfterMs?: number;
  /** How long `drain` lets running runs finish before it hands them over (default 30 s). */
  readonly drainGraceMs?: number;
  /** The safety-net poll of the claim loop, besides NOTIFY (default 1 s). */
  readonly pollMs?: number;
}

/**
 * The workers of one server: a heartbeat row, a claim loop woken by NOTIFY (a submission or a release wakes
 * each server's loop once, not every waiter) with a slow poll as a safety net, adoption of the runs of dead
 * servers, and the sweeper of healing locks. Store errors are retried on the next tick, never thrown.
 */
export class PostgresWorkers implements HostWorkers {
  readonly serverId: string;
  readonly #store: PostgresHostStore;
  readonly #runner: PlanRunner;
  readonly #options: Required<Omit<PostgresWorkersOptions, 'serverId'>>;
  readonly #active = new Map<string, { run: CarriedRun; done: Promise<void> }>();
  readonly #timers: NodeJS.Timeout[] = [];
  #unsubscribe: (() => Promise<void>) | undefined;
  #started = false;
  #draining = false;
  #closed = false;
  #claiming = false;
  #claimAgain = false;
  #ticking = false;
  #recovered = false;

  constructor(store: PostgresHostStore, runner: PlanRunner, options: PostgresWorkersOptions = {}) {
    this.#store = store;
    this.#runner = runner;
    this.serverId = options.serverId ?? randomUUID();
    this.#options = {
      concurrency: options.concurrency ?? 4,
      heartbeatMs: options.heartbeatMs ?? 2_000,
      deadAfterMs: options.deadAfterMs ?? 10_000,
      drainGraceMs: options.drainGraceMs ?? 30_000,
      pollMs: options.pollMs ?? 1_000,
    };
  }

  /** The ids of the runs this server carries out now. */
  get running(): readonly string[] {
    return [...this.#active.keys()];
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    void this.#begin();
  }

  async #begin(): Promise<void> {
    const db = this.#store.database;
    await heartbeat(db, this.serverId, false, true);
    this.#unsubscribe = await db.notifications.subscribe(claimWake, () => this.#kick());
    // The heartbeat has its own timer: a slow sweep (a provider asked about a change set) must not age it.
    this.#timers.push(setInterval(() => void heartbeat(db, this.serverId, this.#draining), this.#options.heartbeatMs));
    this.#timers.push(setInterval(() => void this.#tick(), this.#options.heartbeatMs));
    this.#timers.push(setInterval(() => this.#kick(), this.#options.pollMs));
    await this.#tick();
    this.#kick();
  }

  #kick(): void {
    if (this.#draining) return;
    if (this.#claiming) {
      this.#claimAgain = true;
      return;
    }
    this.#claiming = true;
    void this.#claimLoop().finally(() => {
      this.#claiming = false;
    });
  }

  async #claimLoop(): Promise<void> {
    do {
      this.#claimAgain = false;
      while (!this.#draining && this.#active.size < this.#options.concurrency) {
        const claimed = await claimRun(this.#store.database, this.serverId);
        if (claimed.isErr() || !claimed.value) break;
        this.#carry(claimed.value);
      }
    } while (this.#claimAgain && !this.#draining);
  }

  #carry(run: ClaimedRun): void {
    if (this.#active.has(run.id)) return;
    const carried = new CarriedRun(
      { db: this.#store.database, runner: this.#runner, serverId: this.serverId, closed: () => this.#closed },
      run,
    );
    const done = carried.carry().finally(() => {
      this.#active.delete(run.id);
      this.#kick();
    });
    this.#active.set(run.id, { run: carried, done });
  }

  /** Adoption of dead servers' runs, and the healing sweep. */
  async #tick(): Promise<void> {
    if (this.#ticking || this.#closed || this.#draining) return;
    this.#ticking = true;
    try {
      const db = this.#store.database;
      // Runs of this id's previous life (a restart): nobody carries them now, so they go back to adoption.
      if (!this.#recovered) this.#recovered = (await handOver(db, this.serverId)).isOk();
      // A dead server's runs are under way in the cloud: they are adopted even by a busy server (up to its
      // concurrency per tick, so several survivors share them), and it claims nothing new until it has room.
      const adopted = await adoptRuns(db, this.serverId, this.#options.deadAfterMs, this.#options.concurrency);
      if (adopted.isOk()) for (const run of adopted.value) this.#carry(run);
      await sweepHealingLocks(db, this.#runner);
    } finally {
      this.#ticking = false;
    }
  }

  /**
   * Claims nothing more, lets running runs finish for the grace period, then aborts the rest and hands them
   * over (another server adopts them at once), and marks this server gone.
   */
  async drain(): Promise<void> {
    this.#draining = true;
    const db = this.#store.database;
    await heartbeat(db, this.serverId, true);
    const settled = (ms: number) =>
      Promise.race([
        Promise.all([...this.#active.values()].map((entry) => entry.done)),
        new Promise((resolve) => setTimeout(resolve, ms).unref()),
      ]);
    await settled(this.#options.drainGraceMs);
    const left = [...this.#active.values()];
    for (const entry of left) entry.run.handOver();
    await settled(5_000);
    if (left.length > 0)
      await handOver(
        db,
        this.serverId,
        left.map((entry) => entry.run.run.id),
      );
    this.#closed = true;
    for (const timer of this.#timers) clearInterval(timer);
    await this.#unsubscribe?.();
    await markGone(db, this.serverId);
  }
}
