/**
 * What a run journal returns when it cannot do what was asked. Kept apart from `ChangeSetError`: it is about
 * the journal's own storage, not about a provider call.
 * - `locked`: another live process holds the run lock of this journal (its pid or holder in `heldBy`);
 * - `not-found`: no run with that id;
 * - `io`: the storage failed (file system, database);
 * - `corrupt`: what was read is not a journal.
 */
export interface RunJournalError {
  readonly kind: 'journal';
  readonly code: 'locked' | 'not-found' | 'io' | 'corrupt';
  readonly message: string;
  readonly heldBy?: string;
  readonly cause?: unknown;
}

/** Builds a `RunJournalError`. */
export function runJournalError(
  code: RunJournalError['code'],
  message: string,
  extra: { readonly heldBy?: string; readonly cause?: unknown } = {},
): RunJournalError {
  return {
    kind: 'journal',
    code,
    message,
    ...(extra.heldBy !== undefined ? { heldBy: extra.heldBy } : {}),
    ...(extra.cause !== undefined ? { cause: extra.cause } : {}),
  };
}
