import type { RunTaskView } from '../host/run-view.js';
import type { HeldChangeSet, PlanRunner, RunnerContext, RunnerEvent, RunnerOutcome } from '../plan-runner.js';
import type { ClaimedRun } from '../queue/claim-run.js';
import { finishRun, heldChangeSets } from '../queue/release-locks.js';
import type { HostDatabase } from '../store/host-database.js';
import { applyTaskEvent } from '../store/run-tasks.js';
import { askFinal } from './healing-sweeper.js';
import { untilStored } from './retry.js';
import { appendEvent, markAwaitingApproval, type RunControl, readControl, recordHolding } from './run-log.js';

/** What a carried run needs of its server. */
export interface CarrierDeps {
  readonly db: HostDatabase;
  readonly runner: PlanRunner;
  readonly serverId: string;
  /** Whether the server closes for good: retries stop then. */
  readonly closed: () => boolean;
}

/**
 * One run a server carries out: it calls the runner, stores its events (and the tasks they move), follows
 * cancels and approvals through NOTIFY, and at the end records the outcome and releases the locks whose
 * change sets are final. A run handed over (drain, or taken by another server) is not finished here.
 */
export class CarriedRun {
  readonly run: ClaimedRun;
  readonly #deps: CarrierDeps;
  readonly #abort = new AbortController();
  #tasks: readonly RunTaskView[];
  #emitted: Promise<void> = Promise.resolve();
  #handedOver = false;
  #changed: (() => void)[] = [];

  constructor(deps: CarrierDeps, run: ClaimedRun) {
    this.#deps = deps;
    this.run = run;
    this.#tasks = run.tasks;
  }

  get handedOver(): boolean {
    return this.#handedOver;
  }

  /** Carries the run to its end; never rejects. */
  async carry(): Promise<void> {
    const { db, runner } = this.#deps;
    const unsubscribe = await db.notifications.subscribe(this.run.id, () => void this.#onChange());
    if (this.run.cancelRequested) this.#abort.abort('cancelled');
    // A cancel between the claim and the subscription sent its NOTIFY to nobody: look once.
    else await this.#onChange();
    let outcome: RunnerOutcome;
    try {
      outcome = await runner.run(this.run.document, this.#context());
    } catch (error) {
      outcome = { state: 'failed', exitCode: 1, reason: error instanceof Error ? error.message : String(error) };
    }
    await this.#emitted;
    if (!this.#handedOver) await this.#finish(outcome);
    await unsubscribe();
  }

  /** Stops the run to give it to another server: the runner is aborted and its outcome not recorded. */
  handOver(): void {
    this.#handedOver = true;
    this.#abort.abort('handed over');
    this.#wakeWaiters();
  }

  #context(): RunnerContext {
    return {
      runId: this.run.id,
      tenant: this.run.tenant,
      signal: this.#abort.signal,
      emit: (event) => this.#emit(event),
      holding: (changeSet) => this.#holding(changeSet),
      ...(this.run.requiresApproval ? { approval: (digest: string) => this.#approval(digest) } : {}),
    };
  }

  #emit(event: RunnerEvent): Promise<void> {
    // Handed over: the run's story goes on at its new server; what this copy says as it stops is not part of it.
    if (this.#handedOver) return this.#emitted;
    const tasks = applyTaskEvent(this.#tasks, event);
    const changed = tasks !== this.#tasks ? tasks : undefined;
    this.#tasks = tasks;
    this.#emitted = this.#emitted.then(async () => {
      await untilStored(
        () => appendEvent(this.#deps.db, this.run.id, event, changed),
        () => this.#gaveUp(),
      );
    });
    return this.#emitted;
  }

  async #holding(changeSet: HeldChangeSet): Promise<void> {
    await untilStored(
      () => recordHolding(this.#deps.db, this.run.id, changeSet),
      () => this.#gaveUp(),
    );
  }

  /** Asks for approval (unless this digest was decided already: an adopted run asks again). */
  async #approval(digest: string): Promise<boolean> {
    const control = await this.#control();
    if (control?.approvalDigest === digest && control.approvalDecision) return control.approvalDecision === 'approved';
    await untilStored(
      () => markAwaitingApproval(this.#deps.db, this.run.id, digest),
      () => this.#gaveUp(),
    );
    for (;;) {
      if (this.#abort.signal.aborted) return false;
      const now = await this.#control();
      if (now?.cancelRequested) return false;
      if (now?.approvalDigest === digest && now.approvalDecision) return now.approvalDecision === 'approved';
      await new Promise<void>((resolve) => {
        this.#changed.push(resolve);
        // A lost notification (a reconnect) must not leave the run waiting forever.
        setTimeout(resolve, 5_000).unref();
      });
    }
  }

  async #onChange(): Promise<void> {
    const control = await this.#control();
    if (control && control.serverId !== this.#deps.serverId) this.handOver();
    else if (control?.cancelRequested) this.#abort.abort('cancelled');
    this.#wakeWaiters();
  }

  #wakeWaiters(): void {
    const waiters = this.#changed;
    this.#changed = [];
    for (const wake of waiters) wake();
  }

  async #control(): Promise<RunControl | undefined> {
    const read = await readControl(this.#deps.db, this.run.id);
    return read.isOk() ? read.value : undefined;
  }

  #gaveUp(): boolean {
    return this.#handedOver || this.#deps.closed();
  }

  /** Records the end and frees every lock whose change set is final; the others heal later. */
  async #finish(outcome: RunnerOutcome): Promise<void> {
    const { db, runner, serverId } = this.#deps;
    const held =
      (await untilStored(
        () => heldChangeSets(db, this.run.id),
        () => this.#gaveUp(),
      )) ?? [];
    const keep: string[] = [];
    for (const { keys, changeSet } of held) {
      const final = await askFinal(runner, changeSet);
      if (final !== true) keep.push(...keys);
    }
    await untilStored(
      () => finishRun(db, this.run.id, serverId, outcome, keep),
      () => this.#gaveUp(),
    );
  }
}
