import type { ChangeSetRef } from './change-set-ref.js';

/** A change set the provider has accepted and is carrying out. */
export interface StartedChangeSet extends ChangeSetRef {
  readonly startedAt: string;
  /** The idempotency token the start was made with. */
  readonly startToken: string;
  readonly entities: readonly string[];
}
