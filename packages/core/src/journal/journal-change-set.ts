import type { ChangeSetHandle } from '../model/change-set-handle.js';
import type { ChangeSetRef } from '../model/change-set-ref.js';

/**
 * A change set some run created (or may have created), for `status` and `cancel`.
 * - `created`: made, not started (`handle`, and `ref` when the provider gave an id);
 * - `started`: started (`ref`);
 * - `cancelled`: a cancel succeeded;
 * - `unknown`: an intent without a clear outcome (a crash, a lost answer): it may exist, and re-sending
 *   `clientToken` finds it.
 */
export interface JournalChangeSet {
  readonly runId: string;
  readonly taskKey: string;
  readonly provider: string;
  /** The task as people name it, when the run recorded it. */
  readonly label?: string;
  readonly clientToken: string;
  readonly state: 'created' | 'started' | 'cancelled' | 'unknown';
  readonly ref?: ChangeSetRef;
  readonly handle?: ChangeSetHandle;
  readonly at: string;
}
