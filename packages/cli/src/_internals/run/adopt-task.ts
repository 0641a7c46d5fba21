import type { ChangeSetRef, StartedChangeSet } from '@changeplane/core';
import type { RunContext } from './run-context.js';
import type { Task } from './task-state.js';

/**
 * Before waiting for a change set the unfinished run started: the provider takes back what it keeps for it
 * (Marketplace: the entity leases of the dead process, under the same start token), so they are released when
 * it settles instead of blocking the next change set until their TTL. A failure is a notice, not the task's:
 * the change set runs on all the same, and is waited for.
 */
export async function adoptTask(task: Task, ref: ChangeSetRef, context: RunContext): Promise<void> {
  const { provider } = task.run.connection;
  const started = startedOf(ref, context.journal.token(task.key, 'start'));
  if (!provider.adopt || !started) return;
  const adopted = await provider.adopt(started, { signal: context.signal });
  if (adopted.isOk()) return;
  context.reporter.emit({
    type: 'notice',
    message: `${task.target.label}: the locks of change set ${ref.changeSetId} were not taken back (${adopted.error.message}); they lapse at their TTL`,
  });
}

/** The journal keeps the started change set as `start` returned it: its entities are there unless an older run wrote it. */
function startedOf(ref: ChangeSetRef, startToken: string): StartedChangeSet | undefined {
  const { entities, startedAt } = ref as Partial<StartedChangeSet>;
  if (!Array.isArray(entities)) return undefined;
  return { ...ref, startToken, entities, startedAt: startedAt ?? new Date().toISOString() };
}
