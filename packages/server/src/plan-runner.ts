import type { Result } from 'neverthrow';

/** One problem of a submitted plan, as the plan-file loader names it. */
export interface PlanProblem {
  /** Dotted path in the plan (`marketplace.changes[3].Entity`), empty for the whole document. */
  readonly path: string;
  readonly message: string;
  /** The rule broken (`max_depth`, `duplicate_key`, `too_big`), when one is named. */
  readonly rule?: string;
}

/** What a run touches, for scopes: the provider's id and the target as scopes name it. */
export interface PlanTarget {
  /** `aws-marketplace`, `alibaba-ros`. */
  readonly provider: string;
  /** `SaaSProduct@1.0/prod-abc` (entity type and id), `web-network` (a ROS stack's name). */
  readonly target: string;
}

/** A plan the runner checked: what it touches, and what must be locked while it runs. */
export interface CheckedPlan {
  /** The plan as it will be run (parsed, checked), stored with the run and given back to `run`. */
  readonly document: unknown;
  /** A digest of the document: the same plan, the same digest. */
  readonly digest: string;
  readonly targets: readonly PlanTarget[];
  /**
   * Every entity and stack the run may change, as lock keys (`aws-marketplace:AWSMarketplace:prod-abc`,
   * `alibaba-ros:cn-hangzhou:web-network`): the queue takes them all at once before the run starts.
   */
  readonly locks: readonly string[];
  /** How many change sets the plan makes and the changes they carry, for people. */
  readonly changeSets: number;
  readonly changes: number;
}

/** One event of a run, in the CLI's `--json` vocabulary (docs/cli-events.md): `type` and its fields. */
export interface RunnerEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** A change set a run made, recorded on the locks it holds so a stale lock can be healed. */
export interface HeldChangeSet {
  /** The lock keys of the entities or stack the change set changes. */
  readonly locks: readonly string[];
  readonly provider: string;
  /** The provider's reference (`ChangeSetRef` of core), as JSON. */
  readonly ref: unknown;
}

/** What the server gives a run it carries out (or adopts after a crash). */
export interface RunnerContext {
  /** The server's run id: the journal of the run is keyed by it, so an adopting server resumes it. */
  readonly runId: string;
  /** The tenant that submitted it (for names the provider shows and for logs). */
  readonly tenant: string;
  /** Appends an event to the run's event log (SSE ids and webhooks come from there). */
  emit(event: RunnerEvent): Promise<void>;
  /** Aborted when the run is cancelled: start nothing more, discard what is prepared and not started. */
  readonly signal: AbortSignal;
  /**
   * Present when the run needs approval: called once its change sets are prepared and shown; resolves
   * `true` when approved, `false` when rejected or cancelled.
   */
  readonly approval?: (digest: string) => Promise<boolean>;
  /** Records a started change set on the locks it holds (called after it is started). */
  holding(changeSet: HeldChangeSet): Promise<void>;
}

/** How a run ended, with `apply`'s exit code and the reason it printed. */
export interface RunnerOutcome {
  readonly state: 'succeeded' | 'failed' | 'cancelled';
  readonly exitCode: number;
  readonly reason: string;
}

/**
 * What the server needs of the run loop: the CLI's (`changeplane serve`) or a plugin host's own. The server
 * queues, locks and authorizes; the runner checks plans and carries them out with the journal, so a run the
 * server adopts after a crash resumes where it stopped.
 */
export interface PlanRunner {
  /** Checks a submitted plan (JSON or YAML text, by content type): nothing is queued when it fails. */
  check(body: string, format: 'json' | 'yaml'): Promise<Result<CheckedPlan, readonly PlanProblem[]>>;
  /** Carries out a run (or resumes it from its journal after a crash) and says how it ended. */
  run(document: unknown, context: RunnerContext): Promise<RunnerOutcome>;
  /**
   * Whether a change set a lock waits on is final at its provider (`undefined` when the provider cannot be
   * asked now): a stale lock is freed only when it is.
   */
  isFinal(changeSet: HeldChangeSet): Promise<boolean | undefined>;
  /** Releases connections and emulators. */
  close(): Promise<void>;
}
