import type { PlannedChange, SerializedChangeSetError } from '@changeplane/core';
import type { PlanFileIssue } from '../plan-file/plan-file-issue.js';

/** Where a task stands, as shown to people and bots. */
export type TaskStatus =
  | 'pending'
  | 'creating'
  | 'ready'
  | 'no-changes'
  | 'waiting-for-lock'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'skipped'
  | 'validated';

/** Everything a run reports: the human renderer draws these, `--json` prints one per line. */
export type RunEvent =
  | {
      readonly type: 'run-started';
      readonly command: string;
      readonly plan?: string;
      readonly mode: 'emulators' | 'endpoints';
      readonly endpoints: Readonly<Record<string, string>>;
    }
  | { readonly type: 'notice'; readonly message: string }
  | { readonly type: 'input-invalid'; readonly issues: readonly PlanFileIssue[] }
  | { readonly type: 'task-added'; readonly task: string; readonly provider: string; readonly label: string }
  | {
      readonly type: 'task-status';
      readonly task: string;
      readonly status: TaskStatus;
      readonly rawStatus?: string;
      readonly changeSetId?: string;
      readonly detail?: string;
    }
  | { readonly type: 'task-changes'; readonly task: string; readonly changes: readonly PlannedChange[] }
  | { readonly type: 'task-failed'; readonly task: string; readonly error: SerializedChangeSetError }
  | { readonly type: 'run-finished'; readonly exitCode: number; readonly summary: readonly SummaryRow[] };

/** One line of the closing summary. */
export interface SummaryRow {
  readonly task: string;
  readonly provider: string;
  readonly label: string;
  readonly changeSetId?: string;
  readonly changes: number;
  readonly status: TaskStatus;
  readonly detail?: string;
}
