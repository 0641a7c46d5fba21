import { serializeChangeSetError } from '@changeplane/core';
import { ExitCode } from '../exit-codes.js';
import type { SummaryRow } from '../output/run-event.js';
import { readRunState } from '../state/run-state-file.js';
import type { CommonOptions } from './common-options.js';
import { createReporter } from './create-reporter.js';
import { reconnect } from './reconnect.js';

/** `changeplane status`: describes every change set the last run created or started. */
export async function statusCommand(options: CommonOptions): Promise<number> {
  const reporter = createReporter(options.json);
  try {
    const state = await readRunState(options.state);
    if (!state) {
      reporter.emit({ type: 'notice', message: `no run recorded at ${options.state}` });
      return ExitCode.invalidInput;
    }
    const connection = await reconnect(state, options, reporter);
    if (!connection) return ExitCode.error;
    try {
      reporter.emit({ type: 'run-started', command: 'status', mode: connection.mode, endpoints: connection.endpoints });
      const rows: SummaryRow[] = [];
      let exitCode: number = ExitCode.success;
      for (const entry of state.changeSets) {
        reporter.emit({ type: 'task-added', task: entry.task, provider: entry.ref.provider, label: entry.label });
        const provider = connection.registry.get(entry.ref.provider);
        const described = provider.isOk() ? await provider.value.describe(entry.ref) : provider;
        if (described.isErr()) {
          reporter.emit({ type: 'task-failed', task: entry.task, error: serializeChangeSetError(described.error) });
          rows.push({
            ...entry,
            provider: entry.ref.provider,
            changes: 0,
            changeSetId: entry.ref.changeSetId,
            status: 'failed',
            detail: described.error.message,
          });
          exitCode = ExitCode.error;
          continue;
        }
        const state = described.value;
        reporter.emit({
          type: 'task-status',
          task: entry.task,
          status: state.status,
          rawStatus: state.rawStatus,
          changeSetId: entry.ref.changeSetId,
          ...(state.reason ? { detail: state.reason } : {}),
        });
        rows.push({
          task: entry.task,
          label: entry.label,
          provider: entry.ref.provider,
          changeSetId: entry.ref.changeSetId,
          changes: state.changes?.length ?? 0,
          status: state.status,
          ...(state.reason ? { detail: state.reason } : {}),
        });
        if (state.status === 'failed' || state.status === 'cancelled')
          exitCode = Math.max(exitCode, ExitCode.changeSetFailed);
      }
      reporter.emit({ type: 'run-finished', exitCode, summary: rows });
      return exitCode;
    } finally {
      await connection.close();
    }
  } finally {
    reporter.close();
  }
}
