/** How one planned change set ended in a schedule run. */
export type ScheduleOutcome<T, E> =
  | { readonly status: 'succeeded'; readonly value: T }
  | { readonly status: 'failed'; readonly error: E }
  /** Not started because an earlier set that shares an entity with it (directly or through others) failed. */
  | { readonly status: 'skipped'; readonly blockedBy: number }
  /** Not started because the run was aborted. */
  | { readonly status: 'aborted' };

/** The outcome of every set of a schedule. */
export interface ScheduleReport<T, E> {
  /** One outcome per planned set, by set index. */
  readonly outcomes: readonly ScheduleOutcome<T, E>[];
  readonly succeeded: number;
  readonly failed: number;
  readonly skipped: number;
  readonly aborted: number;
}
