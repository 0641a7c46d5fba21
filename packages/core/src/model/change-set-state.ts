import type { ChangeSetError } from '../errors/change-set-error.js';
import type { ChangeSetRef } from './change-set-ref.js';
import type { ChangeSetStatus } from './change-set-status.js';
import type { JsonValue } from './json-value.js';
import type { PlannedChange } from './planned-change.js';

/** What a change set looks like now: the neutral status with the provider's raw status beside it. */
export interface ChangeSetState {
  readonly ref: ChangeSetRef;
  readonly status: ChangeSetStatus;
  /** The provider's own words: `CREATE_COMPLETE/AVAILABLE`, `UPDATE_COMPLETE`, `APPLYING`, ... */
  readonly rawStatus: string;
  /** Why it failed or was cancelled, where the provider says. */
  readonly reason?: string;
  /** The provider's failure code (Marketplace `CLIENT_ERROR`/`SERVER_FAULT`), where it gives one. */
  readonly failureCode?: string;
  /**
   * A failed change set's failure as a member of the error union (existing kinds: `validation` with one issue
   * per refused change, `provider-fault`, ...), for code that handles failures by kind, where the provider
   * says why.
   */
  readonly failure?: ChangeSetError;
  readonly changes?: readonly PlannedChange[];
  readonly entities?: readonly string[];
  readonly updatedAt?: string;
  /**
   * What the change set's target gives back once it succeeded, by name (ROS: the stack's Outputs, each
   * OutputKey with its OutputValue), where the provider has any.
   */
  readonly outputs?: Readonly<Record<string, JsonValue>>;
}
