import { serializeChangeSetError } from '@changeplane/core';
import { ExitCode } from '../exit-codes.js';
import type { SummaryRow } from '../output/run-event.js';
import { builtinDescriptors } from '../providers/builtin-descriptors.js';
import { loadProviders } from '../providers/loaded-provider.js';
import { readRunState } from '../state/run-state-file.js';
import type { CommonOptions } from './common-options.js';
import { createReporter } from './create-reporter.js';
import { reconnect } from './reconnect.js';

/** `changeplane status`: describes every change set the last run created or started, where that run reached it. */
export async function statusCommand(options: CommonOptions): Promise<number> {
  const reporter = createReporter(options);
  const finish = (exitCode: number, reason: string, summary: SummaryRow[] = []) => {
    reporter.emit({ type: 'run-finished', exitCode, reason, summary });
    return exitCode;
  };
  try {
    const state = await readRunState(options.state);
    if (!state) {
      reporter.emit({ type: 'notice', message: `no run recorded at ${options.state}` });
      return finish(ExitCode.invalidInput, 'nothing to show');
    }
    const connection = await reconnect(state, await loadProviders(builtinDescriptors));
    if (!connection.ok) {
      reporter.emit({ type: 'notice', message: connection.problem });
      return finish(ExitCode.error, 'the providers of the last run cannot be reached');
    }
    try {
      reporter.emit({
        type: 'run-started',
        command: 'status',
        runId: state.runId,
        targets: Object.entries(state.providers).map(([provider, record]) => ({
          provider,
          title: provider,
          endpoint: record.endpoint,
          credentialSource: record.credentialSource,
          emulator: record.emulator,
        })),
      });
      if (!state.finished) reporter.emit({ type: 'notice', message: `run ${state.runId} did not finish` });
      const rows: SummaryRow[] = [];
      let exitCode: number = ExitCode.success;
      for (const entry of state.changeSets) {
        reporter.emit({
          type: 'task-added',
          task: entry.task,
          provider: entry.ref.provider,
          label: entry.label,
          changes: 0,
        });
        const described = await connection.connections.get(entry.ref.provider)!.provider.describe(entry.ref);
        const base = {
          task: entry.task,
          label: entry.label,
          provider: entry.ref.provider,
          changeSetId: entry.ref.changeSetId,
        };
        if (described.isErr()) {
          reporter.emit({ type: 'task-failed', task: entry.task, error: serializeChangeSetError(described.error) });
          rows.push({ ...base, changes: 0, status: 'failed', detail: described.error.message });
          exitCode = ExitCode.error;
          continue;
        }
        const changeSet = described.value;
        const status = entry.phase === 'prepared' && changeSet.status === 'ready' ? 'ready' : changeSet.status;
        reporter.emit({
          type: 'task-status',
          task: entry.task,
          status,
          rawStatus: changeSet.rawStatus,
          changeSetId: entry.ref.changeSetId,
          ...(changeSet.reason ? { detail: changeSet.reason } : {}),
        });
        rows.push({
          ...base,
          changes: changeSet.changes?.length ?? 0,
          status,
          ...(changeSet.reason ? { detail: changeSet.reason } : {}),
        });
        if (changeSet.status === 'failed' || changeSet.status === 'cancelled')
          exitCode = Math.max(exitCode, ExitCode.changeSetFailed);
      }
      return finish(
        exitCode,
        exitCode === ExitCode.success
          ? 'described every change set'
          : 'a change set did not succeed, or could not be described',
        rows,
      );
    } finally {
      await connection.close();
    }
  } finally {
    reporter.close();
  }
}
