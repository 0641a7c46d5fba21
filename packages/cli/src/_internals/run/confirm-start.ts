import type { RunContext } from './run-context.js';
import type { Task } from './task-state.js';

/** What came of asking: start, or not (and why). */
export type Confirmation = 'start' | 'declined' | 'interrupted';

/** Asks before anything starts (unless `--yes`): how many change sets and changes are about to start. */
export async function confirmStart(prepared: readonly Task[], context: RunContext): Promise<Confirmation> {
  const { confirm } = context.options;
  if (prepared.length === 0 || !confirm) return 'start';
  const changes = prepared.reduce(
    (sum, task) => sum + (task.state.phase === 'prepared' ? task.state.handle.changes.length : 0),
    0,
  );
  context.reporter.emit({ type: 'confirmation-needed', changeSets: prepared.length, changes });
  const approved = await confirm(prepared.length, changes);
  if (context.signal.aborted) return 'interrupted';
  return approved ? 'start' : 'declined';
}
