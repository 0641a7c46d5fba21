import { serializeChangeSetError } from '@changeplane/core';
import { ExitCode } from '../../exit-codes.js';
import { builtinDescriptors } from '../../providers/builtin-descriptors.js';
import { loadProviders } from '../../providers/loaded-provider.js';
import type { CommonOptions } from './common-options.js';
import { createReporter } from './create-reporter.js';
import { reconnect } from './reconnect.js';
import { recordedChangeSets } from './recorded-change-sets.js';

/** `changeplane cancel <task|change-set-id>`: cancels one change set of the last run, where that run reached it. */
export async function cancelCommand(target: string, options: CommonOptions & { store?: string }): Promise<number> {
  const reporter = createReporter(options);
  const finish = (exitCode: number, reason: string) => {
    reporter.emit({ type: 'run-finished', exitCode, reason, summary: [] });
    return exitCode;
  };
  try {
    const recorded = await recordedChangeSets(options);
    // The last run's task names come first; an id finds a change set of any run.
    const entry = recorded.entries.find(
      (candidate) => candidate.task === target || candidate.ref.changeSetId === target,
    );
    if (!entry) {
      reporter.emit({ type: 'notice', message: `no change set ${target} in ${options.state} or the run journal` });
      return finish(ExitCode.invalidInput, 'nothing was cancelled');
    }
    const connection = await reconnect(
      new Set([entry.ref.provider]),
      recorded.providers,
      await loadProviders(builtinDescriptors),
      options,
    );
    if (!connection.ok) {
      reporter.emit({ type: 'notice', message: connection.problem });
      return finish(ExitCode.error, 'nothing was cancelled');
    }
    try {
      reporter.emit({
        type: 'task-added',
        task: entry.task,
        provider: entry.ref.provider,
        label: entry.label,
        changes: 0,
      });
      const cancelled = await connection.connections.get(entry.ref.provider)!.provider.cancel(entry.ref);
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
      reporter.emit({
        type: 'run-finished',
        exitCode: ExitCode.success,
        reason: `change set ${entry.ref.changeSetId} is ${result.status}`,
        summary: [
          {
            task: entry.task,
            label: entry.label,
            provider: entry.ref.provider,
            changeSetId: entry.ref.changeSetId,
            changes: 0,
            status: result.status,
          },
        ],
      });
      return ExitCode.success;
    } finally {
      await connection.close();
    }
  } finally {
    reporter.close();
  }
}
