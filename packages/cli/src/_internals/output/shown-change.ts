import type { PlannedChange } from '@changeplane/core';
import { defaultSecretRedactor } from '@changeplane/core/adapter';

/**
 * A change as the output shows it: its detail (a Marketplace change's details, a ROS resource's type) with
 * secret-looking values masked by core's credential patterns (`"Password": "..."`, `SecretAccessKey=...`).
 * Whole, for `--json`; {@link oneLineDetail} folds it onto one line for people.
 */
export function shownChange(change: PlannedChange): PlannedChange {
  return change.detail === undefined ? change : { ...change, detail: defaultSecretRedactor.redact(change.detail) };
}

/** The detail on one line (a details document written over several lines), for a line cut to the width. */
export function oneLineDetail(detail: string): string {
  return detail.replace(/\s*\n\s*/g, ' ').trim();
}
