import { serializeChangeSetError } from '@changeplane/core';
import type { ProviderDescriptor } from '@changeplane/core/adapter';
import { ExitCode } from '../../exit-codes.js';
import type { SummaryRow } from '../output/run-event.js';
import type { CommonOptions } from './common-options.js';
import { runRecordedChangeSetCommand } from './recorded-change-set-command.js';

/** `changeplane status`: describes every change set the last run created or started, where that run reached it. */
export function statusCommand(
  options: CommonOptions & { store?: string },
  descriptors: readonly ProviderDescriptor[],
): Promise<number> {
  return runRecordedChangeSetCommand(options, descriptors, {
    select: (recorded) =>
      recorded.entries.length === 0 && recorded.unknown.length === 0
        ? {
            found: false,
            notice: `no change set recorded at ${options.state} or in the run journal`,
            reason: 'nothing to show',
          }
        : { found: true, subject: recorded, providers: new Set(recorded.entries.map((entry) => entry.ref.provider)) },
    unreachable: 'the providers of the last run cannot be reached',
    async act(recorded, { reporter, connections, announce, finish }) {
      reporter.emit({
        type: 'run-started',
        command: 'status',
        ...(recorded.lastRun ? { runId: recorded.lastRun.runId } : {}),
        targets: [...connections].map(([provider, reached]) => ({
          provider,
          title: provider,
          endpoint: reached.record.endpoint,
          credentialSource: reached.record.credentialSource,
          emulator: reached.record.emulator,
        })),
      });
      if (recorded.lastRun && !recorded.lastRun.finished)
        reporter.emit({ type: 'notice', message: `run ${recorded.lastRun.runId} did not finish` });
      for (const item of recorded.unknown) reporter.emit({ type: 'notice', message: item });
      const rows: SummaryRow[] = [];
      let exitCode: number = ExitCode.success;
      for (const entry of recorded.entries) {
        announce(entry);
        const described = await connections.get(entry.ref.provider)!.provider.describe(entry.ref);
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
    },
  });
}
