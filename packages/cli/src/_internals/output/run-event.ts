import type { JsonValue, PlannedChange, SerializedChangeSetError } from '@changeplane/core';
import type { PlanFileIssue } from '../../plan-file/plan-file-issue.js';

/** Where a task stands, as shown to people and bots. */
export type TaskStatus =
  | 'pending'
  | 'creating'
  | 'ready'
  | 'no-changes'
  | 'waiting-for-lock'
  | 'starting'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'skipped'
  | 'previewed'
  | 'not-started'
  | 'detached'
  | 'interrupted';

/** How one provider is reached, for the run's header (never credentials). */
export interface ProviderTarget {
  readonly provider: string;
  readonly title: string;
  readonly endpoint: string;
  readonly credentialSource: string;
  readonly emulator: boolean;
}

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

/**
 * Everything a run reports: the human renderer draws these, `--json` prints one per line. Documented
 * event by event in docs/cli-events.md.
 */
export type RunEvent =
  | {
      readonly type: 'run-started';
      readonly command: string;
      readonly plan?: string;
      readonly runId?: string;
      readonly targets: readonly ProviderTarget[];
      /** Set when any provider runs on its embedded emulator: `requested`, or `no-credentials` (the demo). */
      readonly emulators?: 'requested' | 'no-credentials';
    }
  | { readonly type: 'notice'; readonly message: string }
  | { readonly type: 'input-invalid'; readonly issues: readonly PlanFileIssue[] }
  | {
      readonly type: 'task-added';
      readonly task: string;
      readonly provider: string;
      readonly label: string;
      readonly changes: number;
    }
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
  /** After a change set succeeded: what its target gives back (ROS: the stack's outputs), by name. */
  | { readonly type: 'task-outputs'; readonly task: string; readonly outputs: Readonly<Record<string, JsonValue>> }
  /** Before the prompt: how many change sets and changes `apply` is about to start. */
  | { readonly type: 'confirmation-needed'; readonly changeSets: number; readonly changes: number }
  /** Ctrl-C: what is still running in the cloud, and the commands that cancel it. */
  | {
      readonly type: 'run-interrupted';
      readonly inFlight: readonly { readonly task: string; readonly label: string; readonly changeSetId: string }[];
      readonly cancelCommands: readonly string[];
    }
  | {
      readonly type: 'run-finished';
      readonly exitCode: number;
      readonly reason: string;
      readonly summary: readonly SummaryRow[];
      /** True when a provider ran on its embedded emulator: nothing of that part reached a cloud. */
      readonly emulatorRun?: boolean;
    };
