/**
 * One change set a run will create and start. Targets that share a conflict key run one after another,
 * in target order; the others may run at once.
 */
export interface RunTarget<Request = unknown> {
  /** Unique within a run (`ros:web-network`, `marketplace:2`). */
  readonly task: string;
  /** How people see it (`ros stack web-network`). */
  readonly label: string;
  readonly request: Request;
  /** Stacks or entities it touches: a later target that shares one waits for this one to succeed. */
  readonly conflictKeys: readonly string[];
  /** How many changes of the plan it carries. */
  readonly changeCount: number;
  /**
   * What it changes, as a bot host's scopes name it: an entity as `<type>/<id>` (`SaaSProduct@1.0/prod-abc`),
   * a stack by its name.
   */
  readonly scopeTargets: readonly string[];
}

/** A provider's targets and how fast they may start. */
export interface TargetPlan<Request = unknown> {
  readonly targets: readonly RunTarget<Request>[];
  /** Change sets open at once (the account's limit). */
  readonly concurrency: number;
  /** Starts per second (the provider's documented rate); unlimited when omitted. */
  readonly startsPerSecond?: number;
}
