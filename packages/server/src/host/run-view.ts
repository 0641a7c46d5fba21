/** The states of a run the API shows; the first five keep the meaning issue 19 gives them. */
export type RunState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** One change set of a run as the API shows it (kept up to date from the run's events). */
export interface RunTaskView {
  readonly task: string;
  readonly label: string;
  readonly provider: string;
  /** The neutral status (`creating`, `ready`, `running`, `succeeded`, `failed`, `cancelled`) or `planned`. */
  readonly status: string;
  readonly changeSetId?: string;
  readonly changes?: number;
  readonly message?: string;
}

/** A run as `GET /v1/runs/{id}` shows it. */
export interface RunView {
  readonly id: string;
  readonly tenant: string;
  /** The token that submitted it, by name. */
  readonly submittedBy: string;
  readonly state: RunState;
  /** Why it is in that state now: `waiting for aws-marketplace:AWSMarketplace:prod-a`, `awaiting approval`. */
  readonly reason?: string;
  /** Its place in line while queued and not yet claimed: 1 runs next on every lock it needs. */
  readonly position?: number;
  readonly digest: string;
  readonly locks: readonly string[];
  readonly tasks: readonly RunTaskView[];
  /** Set while the run waits for an approver: the digest an approval must carry. */
  readonly awaitingApproval?: { readonly digest: string };
  readonly exitCode?: number;
  readonly createdAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
}
