import type { RunTaskView } from '../host/run-view.js';
import type { RunnerEvent } from '../plan-runner.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The run's tasks after one event (docs/cli-events.md, `task-*`): `task-added` adds a planned task,
 * `task-status` moves it, `task-changes` counts its changes, `task-failed` marks it failed with the message.
 * Returns the same array when the event changes nothing.
 */
export function applyTaskEvent(tasks: readonly RunTaskView[], event: RunnerEvent): readonly RunTaskView[] {
  const task = text(event.task);
  if (task === undefined) return tasks;
  if (event.type === 'task-added') {
    const added: RunTaskView = {
      task,
      label: text(event.label) ?? task,
      provider: text(event.provider) ?? '',
      status: 'planned',
      ...(typeof event.changes === 'number' ? { changes: event.changes } : {}),
    };
    return [...tasks.filter((existing) => existing.task !== task), added];
  }
  const update = taskUpdate(event);
  if (!update) return tasks;
  return tasks.map((existing) => (existing.task === task ? { ...existing, ...update } : existing));
}

function taskUpdate(event: RunnerEvent): Partial<RunTaskView> | undefined {
  switch (event.type) {
    case 'task-status': {
      const status = text(event.status);
      const changeSetId = text(event.changeSetId);
      return { ...(status ? { status } : {}), ...(changeSetId ? { changeSetId } : {}) };
    }
    case 'task-changes':
      return Array.isArray(event.changes) ? { changes: event.changes.length } : undefined;
    case 'task-failed': {
      const message = text((event.error as { message?: unknown } | undefined)?.message);
      return { status: 'failed', ...(message ? { message } : {}) };
    }
    default:
      return undefined;
  }
}
