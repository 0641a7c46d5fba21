import type { ChangeSetHandle } from '@changeplane/core';
import type { ProviderConnection } from '@changeplane/core/adapter';
import { ExitCode } from '../../exit-codes.js';
import type { ProviderRun } from '../run/provider-run.js';
import type { SavedPlan } from '../saved-plan/saved-plan.js';
import { savedHandle } from '../saved-plan/write-saved-plan.js';
import { type ApplySession, openJournaledRun, runConnected } from './apply-command.js';
import { reconnect } from './reconnect.js';

/**
 * `changeplane apply <saved plan>`: starts exactly the change sets `plan --out` prepared, where that plan
 * reached them, after checking that each one is still ready (a stack that moved on, or a change set that
 * expired or was removed, is refused by name before anything starts).
 */
export async function applySavedPlan(session: ApplySession, saved: SavedPlan): Promise<number> {
  const { reporter } = session;
  const records = Object.fromEntries(Object.entries(saved.providers).map(([id, provider]) => [id, provider.record]));
  const connection = await reconnect(
    new Set(Object.keys(saved.providers)),
    records,
    session.providers,
    session.options,
    session.store.lockStore ? { lockStore: session.store.lockStore } : undefined,
  );
  if (!connection.ok) {
    reporter.emit({ type: 'notice', message: connection.problem });
    return connection.emulatorsGone
      ? session.finish(ExitCode.invalidInput, 'the saved plan cannot be applied, nothing was started')
      : session.finish(ExitCode.error, 'no provider could be reached, nothing was started');
  }
  try {
    const stale = await staleChangeSets(saved, connection.connections);
    if (stale.length > 0) {
      for (const problem of stale) reporter.emit({ type: 'notice', message: problem });
      return session.finish(ExitCode.invalidInput, 'the saved plan is out of date, nothing was started');
    }
    const journaling = await openJournaledRun(session);
    if (journaling.isErr()) return session.finish(journaling.error.exitCode, journaling.error.reason);
    const handles = new Map<string, ChangeSetHandle>(saved.tasks.map((task) => [task.task, savedHandle(task)]));
    return await runConnected(
      session,
      journaling.value,
      savedRuns(session, saved, connection.connections),
      undefined,
      handles,
    );
  } finally {
    await connection.close();
  }
}

/** Each change set the saved plan names that is no longer ready to start, said as a person would read it. */
async function staleChangeSets(
  saved: SavedPlan,
  connections: ReadonlyMap<string, ProviderConnection>,
): Promise<string[]> {
  const problems = await Promise.all(
    saved.tasks.map(async (task) => {
      const handle = savedHandle(task);
      if (!handle.changeSetId) return undefined;
      const ref = {
        provider: handle.provider,
        changeSetId: handle.changeSetId,
        ...(handle.region ? { region: handle.region } : {}),
        scope: handle.scope,
      };
      const described = await connections.get(task.provider)!.provider.describe(ref);
      if (described.isErr())
        return `${task.label}: change set ${handle.changeSetId} cannot be started any more (${described.error.message}); run \`changeplane plan --out\` again`;
      const { status, rawStatus } = described.value;
      return status === 'ready'
        ? undefined
        : `${task.label}: change set ${handle.changeSetId} is ${status} (${rawStatus}) now, not ready to start: the stack moved on or the change set expired since the plan was saved; run \`changeplane plan --out\` again`;
    }),
  );
  return problems.filter((problem): problem is string => problem !== undefined);
}

/** The saved tasks as runs of their providers: the same targets, concurrency and start rate as when saved. */
function savedRuns(
  session: ApplySession,
  saved: SavedPlan,
  connections: ReadonlyMap<string, ProviderConnection>,
): ProviderRun[] {
  return Object.entries(saved.providers).map(([id, provider]) => {
    const loaded = session.providers.find((candidate) => candidate.descriptor.id === id)!;
    const targets = saved.tasks
      .filter((task) => task.provider === id)
      .map((task) => ({
        task: task.task,
        label: task.label,
        request: undefined,
        conflictKeys: task.conflictKeys,
        changeCount: savedHandle(task).changes.length,
        // Scopes are a host's: a saved plan is applied by the command, which has none.
        scopeTargets: [],
      }));
    return {
      ...loaded,
      section: undefined,
      plan: {
        targets,
        concurrency: provider.concurrency,
        ...(provider.startsPerSecond ? { startsPerSecond: provider.startsPerSecond } : {}),
      },
      connection: connections.get(id)!,
    };
  });
}
