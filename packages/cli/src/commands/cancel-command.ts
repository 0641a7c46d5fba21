import { serializeChangeSetError } from '@changeplane/core';
import { ExitCode } from '../exit-codes.js';
import { readRunState } from '../state/run-state-file.js';
import type { CommonOptions } from './common-options.js';
import { createReporter } from './create-reporter.js';
import { reconnect } from './reconnect.js';

/** `changeplane cancel <task|change-set-id>`: cancels one change set of the last run. */
export async function cancelCommand(target: string, options: CommonOptions): Promise<number> {
  const reporter = createReporter(options.json);
  try {
    const state = await readRunState(options.state);
    const entry = state?.changeSets.find(
      (candidate) => candidate.task === target || candidate.ref.changeSetId === target,
    );
    if (!state || !entry) {
      reporter.emit({ type: 'notice', message: `no change set ${target} in ${options.state}` });
      return ExitCode.invalidInput;
    }
    const connection = await reconnect(state, options, reporter);
    if (!connection) return ExitCode.error;
    try {
      reporter.emit({ type: 'task-added', task: entry.task, provider: entry.ref.provider, label: entry.label });
      const provider = connection.registry.get(entry.ref.provider);
      const cancelled = provider.isOk() ? await provider.value.cancel(entry.ref) : provider;
      if (cancelled.isErr()) {
        reporter.emit({ type: 'task-failed', task: entry.task, error: serializeChangeSetError(cancelled.error) });
        reporter.emit({ type: 'run-finished', exitCode: ExitCode.error, summary: [] });
        return cancelled.error.kind === 'locked' ? ExitCode.lockContention : ExitCode.error;
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
