import type { HeldChangeSet, PlanRunner } from '../plan-runner.js';
import { healingLocks, releaseHealed } from '../queue/release-locks.js';
import type { HostDatabase } from '../store/host-database.js';

/**
 * Frees the locks finished runs still hold (their change set was not final when the run ended) once the
 * provider reports the change set final: never after a blind TTL, never while it still runs.
 * Returns how many locks it freed.
 */
export async function sweepHealingLocks(db: HostDatabase, runner: PlanRunner): Promise<number> {
  const healing = await healingLocks(db);
  if (healing.isErr()) return 0;
  let freed = 0;
  for (const { runId, keys, changeSet } of healing.value) {
    const final = changeSet === null ? true : await askFinal(runner, changeSet);
    if (final !== true) continue;
    const released = await releaseHealed(db, runId, keys);
    if (released.isOk()) freed += released.value;
  }
  return freed;
}

/** Whether the provider reports a change set final; `undefined` when it cannot tell (or the runner throws). */
export async function askFinal(runner: PlanRunner, changeSet: HeldChangeSet): Promise<boolean | undefined> {
  try {
    return await runner.isFinal(changeSet);
  } catch {
    return undefined;
  }
}
