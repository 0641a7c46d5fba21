import { serializeChangeSetError } from '@changeplane/core';
import type { ProviderDescriptor } from '@changeplane/core/adapter';
import { ExitCode } from '../../exit-codes.js';
import type { CommonOptions } from './common-options.js';
import { runRecordedChangeSetCommand } from './recorded-change-set-command.js';
import type { RunSelection } from './recorded-change-sets.js';

/** `changeplane cancel <task|change-set-id>`: cancels one change set of the last run, where that run reached it. */
export function cancelCommand(
  target: string,
  options: CommonOptions & RunSelection & { store?: string },
  descriptors: readonly ProviderDescriptor[],
): Promise<number> {
  return runRecordedChangeSetCommand(options, descriptors, {
    select: (recorded) => {
      // The last run's task names come first; an id finds a change set of any run.
      const entry = recorded.entries.find(
        (candidate) => candidate.task === target || candidate.ref.changeSetId === target,
      );
      return entry
        ? { found: true, subject: entry, providers: new Set([entry.ref.provider]) }
        : {
            found: false,
            notice: `no change set ${target} in the ${options.run ? `run ${options.run}` : 'last run'} of the run journal`,
            reason: 'nothing was cancelled',
          };
    },
    unreachable: 'nothing was cancelled',
    async act(entry, { reporter, connections, announce, finish }) {
      announce(entry);
      const cancelled = await connections.get(entry.ref.provider)!.provider.cancel(entry.ref);
      if (cancelled.isErr()) {
        reporter.emit({ type: 'task-failed', task: entry.task, error: serializeChangeSetError(cancelled.error) });
        return cancelled.error.kind === 'locked'
          ? finish(ExitCode.lockContention, 'the change set is busy; nothing was cancelled')
          : finish(ExitCode.error, 'nothing was cancelled');
      }
      const result = cancelled.value;
      reporter.emit({
        type: 'task-status',
        task: entry.task,
        status: result.status,
        rawStatus: result.rawStatus,
        changeSetId: entry.ref.changeSetId,
      });
      return finish(ExitCode.success, `change set ${entry.ref.changeSetId} is ${result.status}`, [
        {
          task: entry.task,
          label: entry.label,
          provider: entry.ref.provider,
          changeSetId: entry.ref.changeSetId,
          changes: 0,
          status: result.status,
        },
      ]);
    },
  });
}
