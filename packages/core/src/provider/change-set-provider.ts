import type { Result, ResultAsync } from 'neverthrow';
import type { ChangeSetError, ValidationError } from '../errors/change-set-error.js';
import type { ChangeSetHandle } from '../model/change-set-handle.js';
import type { ChangeSetRef } from '../model/change-set-ref.js';
import type { ChangeSetState } from '../model/change-set-state.js';
import type { StartedChangeSet } from '../model/started-change-set.js';
import type { CallOptions } from './call-options.js';
import type { CreateOptions } from './create-options.js';
import type { StartOptions } from './start-options.js';
import type { WaitOptions } from './wait-options.js';

/**
 * One cloud's way of creating and starting change sets, behind one contract. No method throws for an
 * expected failure: each returns a `ChangeSetError` in its Result.
 */
export interface ChangeSetProvider<Request = unknown> {
  /** Stable id the registry resolves it by: `alibaba-ros`, `aws-marketplace`. */
  readonly id: string;
  /** Checks every local rule of a request without any network call; lists every problem at once. */
  validate(request: Request): Result<Request, ValidationError>;
  /** Prepares a change set; nothing in the cloud changes yet. */
  create(request: Request, options?: CreateOptions): ResultAsync<ChangeSetHandle, ChangeSetError>;
  /** Starts (executes) a prepared change set. */
  start(handle: ChangeSetHandle, options?: StartOptions): ResultAsync<StartedChangeSet, ChangeSetError>;
  /** The current state of a change set. */
  describe(ref: ChangeSetRef, options?: CallOptions): ResultAsync<ChangeSetState, ChangeSetError>;
  /** Cancels a change set: before it starts, or while it runs where the provider allows it. */
  cancel(ref: ChangeSetRef, options?: CallOptions): ResultAsync<ChangeSetState, ChangeSetError>;
  /** Polls until the change set succeeds, fails or is cancelled; bounded and abortable. */
  waitUntilSettled(ref: ChangeSetRef, options?: WaitOptions): ResultAsync<ChangeSetState, ChangeSetError>;
  /**
   * Takes back what the provider keeps for a change set an earlier process started and left running (a
   * resumed run adopts it): re-entrantly, under the same start token, and keeps it until the change set
   * settles, as for one it started itself (Marketplace: its entity leases). Absent where `start` keeps nothing.
   */
  adopt?(started: StartedChangeSet, options?: CallOptions): ResultAsync<void, ChangeSetError>;
  /**
   * Removes a prepared change set that will not be started, and whatever the provider made only for it
   * (ROS: the change set, and the stack a CREATE change set made). Absent where `create` leaves nothing.
   */
  discard?(handle: ChangeSetHandle, options?: CallOptions): ResultAsync<void, ChangeSetError>;
  /**
   * What a prepared change set would do, apart from its tokens and names: two handles with the same
   * fingerprint make the same changes, so a caller can tell that one was applied already. Undefined for a
   * handle it cannot read. Absent where the provider finds that out itself (ROS computes the difference to
   * the stack, and an unchanged stack is `no-changes`).
   */
  fingerprint?(handle: ChangeSetHandle): string | undefined;
  /** Stops background work (watchers, timers); the provider is not used afterwards. */
  dispose?(): Promise<void>;
}
