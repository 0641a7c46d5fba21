import type { ValidationIssue } from '../errors/validation-issue.js';
import type { JsonValue } from './json-value.js';
import type { PlannedChange } from './planned-change.js';

/**
 * A created change set that has not been started: the result of `create`. Plain, serializable data, so a
 * bot can show it for review, store it, and start it later, from another process.
 */
export interface ChangeSetHandle {
  readonly provider: string;
  /** The provider's id, once it has one (ROS: after CreateChangeSet; Marketplace: only after StartChangeSet). */
  readonly changeSetId?: string;
  readonly region?: string;
  readonly account?: string;
  /** Provider-specific identifiers (ROS stack id, Marketplace catalog). */
  readonly scope: Readonly<Record<string, string>>;
  /** `no-changes` when the provider found nothing to change: its own outcome, not a failure. */
  readonly outcome: 'ready' | 'no-changes';
  /** The entities or stacks this change set touches, in lock-key order. */
  readonly entities: readonly string[];
  readonly changes: readonly PlannedChange[];
  /** The idempotency token `start` sends; the same on every retry and after a restart. */
  readonly startToken: string;
  /** What the provider needs to start it later (Marketplace: the validated StartChangeSet input). */
  readonly payload?: JsonValue;
  readonly createdAt: string;
  /** Fields of the request that the provider ignores in this mode, left out of the request (never errors). */
  readonly warnings?: readonly ValidationIssue[];
  /**
   * With `no-changes`: what the target gives back as it stands (ROS: the stack's outputs), as
   * `ChangeSetState.outputs` does after a change set succeeds.
   */
  readonly outputs?: Readonly<Record<string, JsonValue>>;
}
