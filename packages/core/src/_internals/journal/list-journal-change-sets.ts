import type { JournalChangeSet } from '../../journal/journal-change-set.js';
import type { JournalEntry } from '../../journal/journal-entry.js';
import type { ChangeSetHandle } from '../../model/change-set-handle.js';
import type { ChangeSetRef } from '../../model/change-set-ref.js';

/**
 * Every change set the entries say a run created or may have created, one per run and task, in its latest
 * state: what `status` describes and `cancel` reaches, crashes included (an intent with no outcome is
 * `unknown`, with the token that finds it).
 */
export function listJournalChangeSets(entries: readonly JournalEntry[]): JournalChangeSet[] {
  const byTask = new Map<string, JournalChangeSet>();
  for (const entry of entries) {
    if (entry.type !== 'intent' && entry.type !== 'outcome') continue;
    const id = `${entry.runId}\u0000${entry.taskKey}`;
    const previous = byTask.get(id);
    if (entry.type === 'intent') {
      if (entry.operation === 'cancel') continue;
      if (previous && entry.operation === 'create' && previous.state !== 'unknown') continue;
      if (previous?.state === 'started' || previous?.state === 'cancelled') continue;
      byTask.set(id, {
        ...previous,
        runId: entry.runId,
        taskKey: entry.taskKey,
        provider: entry.provider,
        ...(entry.label ? { label: entry.label } : {}),
        clientToken: entry.clientToken,
        state: 'unknown',
        at: entry.at,
      });
      continue;
    }
    if (!previous) continue;
    if (!entry.ok) {
      if (entry.mayHaveTakenEffect || entry.operation === 'cancel') continue;
      // A create refused after the change set was made (ROS CREATE_FAILED) leaves that change set to remove.
      if (entry.operation === 'create' && entry.error.changeSetId) {
        const ref = { provider: previous.provider, changeSetId: entry.error.changeSetId, scope: {} };
        byTask.set(id, { ...previous, clientToken: entry.clientToken, state: 'created', ref, at: entry.at });
      } else if (entry.operation === 'create') byTask.delete(id);
      else if (previous.handle) byTask.set(id, { ...previous, state: 'created' });
      continue;
    }
    const handle = entry.handle ?? previous.handle;
    const ref = entry.ref ?? refOf(entry.handle) ?? previous.ref;
    const state = entry.operation === 'create' ? 'created' : entry.operation === 'start' ? 'started' : 'cancelled';
    byTask.set(id, {
      runId: entry.runId,
      taskKey: entry.taskKey,
      provider: previous.provider,
      ...(previous.label ? { label: previous.label } : {}),
      clientToken: entry.clientToken,
      state,
      ...(ref ? { ref } : {}),
      ...(handle ? { handle } : {}),
      at: entry.at,
    });
  }
  return [...byTask.values()];
}

function refOf(handle: ChangeSetHandle | undefined): ChangeSetRef | undefined {
  if (!handle?.changeSetId) return undefined;
  return {
    provider: handle.provider,
    changeSetId: handle.changeSetId,
    ...(handle.region ? { region: handle.region } : {}),
    ...(handle.account ? { account: handle.account } : {}),
    scope: handle.scope,
  };
}
