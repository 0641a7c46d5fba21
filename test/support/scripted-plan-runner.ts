import type {
  CheckedPlan,
  HeldChangeSet,
  PlanProblem,
  PlanRunner,
  RunnerContext,
  RunnerOutcome,
} from '@changeplane/server';
import { err, ok, type Result } from 'neverthrow';

/** One run as the scripted runner saw it. */
export interface ScriptedRun {
  readonly runId: string;
  readonly tenant: string;
  readonly label: string;
  readonly locks: readonly string[];
  readonly startedAt: number;
  endedAt?: number;
  outcome?: RunnerOutcome['state'];
}

/** What runners of several worker sets share: who holds which key now, and every double hold seen. */
export class LockLedger {
  readonly holders = new Map<string, string>();
  readonly doubleHolds: string[] = [];
  readonly runs: ScriptedRun[] = [];
}

/**
 * A PlanRunner for queue specs, with durations the spec controls: a run of the document `{ label, locks }`
 * (test/support/host-fixtures.ts) takes `durationMs(label)`, or until `finish(label)` when the spec holds it;
 * it asks for approval when the context offers it, records its locks' change set, and reports per label
 * whether that change set is final (`finals`).
 */
export class ScriptedPlanRunner implements PlanRunner {
  readonly ledger: LockLedger;
  readonly finals = new Map<string, boolean | undefined>();
  readonly #durationMs: (label: string) => number;
  readonly #held = new Map<string, () => void>();
  readonly #holdLabels: Set<string>;

  constructor(options: { ledger?: LockLedger; durationMs?: (label: string) => number; hold?: string[] } = {}) {
    this.ledger = options.ledger ?? new LockLedger();
    this.#durationMs = options.durationMs ?? (() => 10);
    this.#holdLabels = new Set(options.hold ?? []);
  }

  async check(body: string): Promise<Result<CheckedPlan, readonly PlanProblem[]>> {
    try {
      const document = JSON.parse(body) as { label: string; locks: string[] };
      return ok({
        document,
        digest: `digest:${document.label}`,
        targets: [],
        locks: document.locks,
        changeSets: 1,
        changes: 1,
      });
    } catch (error) {
      return err([{ path: '', message: String(error) }]);
    }
  }

  /** Lets a held run (by label) end. */
  finish(label: string): void {
    this.#holdLabels.delete(label);
    this.#held.get(label)?.();
  }

  async run(document: unknown, context: RunnerContext): Promise<RunnerOutcome> {
    const { label, locks } = document as { label: string; locks: string[] };
    const record: ScriptedRun = { runId: context.runId, tenant: context.tenant, label, locks, startedAt: Date.now() };
    this.ledger.runs.push(record);
    for (const key of locks) {
      const holder = this.ledger.holders.get(key);
      if (holder !== undefined && holder !== context.runId)
        this.ledger.doubleHolds.push(`${key}: ${holder} and ${context.runId}`);
      this.ledger.holders.set(key, context.runId);
    }
    try {
      const outcome = await this.#carry(label, locks, context);
      record.outcome = outcome.state;
      return outcome;
    } finally {
      record.endedAt = Date.now();
      for (const key of locks) if (this.ledger.holders.get(key) === context.runId) this.ledger.holders.delete(key);
    }
  }

  async #carry(label: string, locks: readonly string[], context: RunnerContext): Promise<RunnerOutcome> {
    await context.emit({ type: 'task-added', task: `p:${label}`, provider: 'p', label, changes: locks.length });
    if (context.approval && !(await context.approval(`digest:${label}`))) {
      return { state: 'cancelled', exitCode: 3, reason: 'not approved' };
    }
    await context.emit({ type: 'task-status', task: `p:${label}`, status: 'running', changeSetId: `cs-${label}` });
    if (locks.length > 0) await context.holding({ locks, provider: 'p', ref: { label } });
    const ended = await this.#wait(label, context.signal);
    if (!ended) return { state: 'cancelled', exitCode: 3, reason: 'cancelled' };
    await context.emit({ type: 'task-status', task: `p:${label}`, status: 'succeeded' });
    return { state: 'succeeded', exitCode: 0, reason: 'done' };
  }

  /** Resolves true when the run's time is up (or the spec finishes it), false when aborted first. */
  #wait(label: string, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve(false);
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.#held.delete(label);
        resolve(value);
      };
      const timer = this.#holdLabels.has(label) ? undefined : setTimeout(() => done(true), this.#durationMs(label));
      if (this.#holdLabels.has(label)) this.#held.set(label, () => done(true));
      signal.addEventListener('abort', () => done(false), { once: true });
    });
  }

  async isFinal(changeSet: HeldChangeSet): Promise<boolean | undefined> {
    const label = (changeSet.ref as { label?: string }).label ?? '';
    return this.finals.has(label) ? this.finals.get(label) : true;
  }

  async close(): Promise<void> {}
}
