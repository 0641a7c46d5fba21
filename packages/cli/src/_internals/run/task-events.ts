import { type ChangeSetError, serializeChangeSetError } from '@changeplane/core';
import type { TaskStatus } from '../output/run-event.js';
import type { RunReporter } from '../output/run-reporter.js';
import type { Task } from './task-state.js';

/** What a status event may add to the status itself. */
export interface StatusDetail {
  readonly rawStatus?: string;
  readonly changeSetId?: string;
  readonly detail?: string;
}

/** Reports where a task stands (`task-status`). */
export function reportStatus(reporter: RunReporter, task: Task, status: TaskStatus, extra: StatusDetail = {}): void {
  reporter.emit({ type: 'task-status', task: task.key, status, ...extra });
}

/** Reports a provider's error for a task (`task-failed`), then its `failed` status. */
export function reportFailure(reporter: RunReporter, task: Task, error: ChangeSetError, changeSetId?: string): void {
  reporter.emit({ type: 'task-failed', task: task.key, error: serializeChangeSetError(error) });
  reportStatus(reporter, task, 'failed', { ...(changeSetId ? { changeSetId } : {}), detail: error.message });
}
