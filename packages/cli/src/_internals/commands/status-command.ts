import { serializeChangeSetError } from '@changeplane/core';
import type { ProviderConnection, ProviderDescriptor } from '@changeplane/core/adapter';
import { ExitCode } from '../../exit-codes.js';
import type { SummaryRow } from '../output/run-event.js';
import type { RunReporter } from '../output/run-reporter.js';
import type { CommonOptions } from './common-options.js';
import { type RecordedSession, runRecordedChangeSetCommand } from './recorded-change-set-command.js';
import type { RecordedChangeSet, RecordedChangeSets, RunSelection } from './recorded-change-sets.js';

/** `changeplane status`: describes every change set the last run created or started, where that run reached it. */
export function statusCommand(
  options: CommonOptions & RunSelection & { store?: string },
  descriptors: readonly ProviderDescriptor[],
): Promise<number> {
  return runRecordedChangeSetCommand(options, descriptors, {
    select: (recorded) =>
      recorded.entries.length === 0 && recorded.unknown.length === 0
        ? { found: false, notice: nothingRecorded(recorded), reason: 'nothing to show' }
        : { found: true, subject: recorded, providers: new Set(recorded.entries.map((entry) => entry.ref.provider)) },
    unreachable: 'the providers of the last run cannot be reached',
    emulatorsGone: 'the emulators of that run are gone; nothing to describe',
    act: describeRecorded,
  });
}

function nothingRecorded(recorded: RecordedChangeSets): string {
  const { run } = recorded;
  if (!run) return 'no change set recorded in the run journal';
  const what = [run.command ?? 'apply', run.plan].filter(Boolean).join(' ');
  return `run ${run.runId} (${what}) left no change set to describe`;
}

async function describeRecorded(recorded: RecordedChangeSets, session: RecordedSession): Promise<number> {
  const { reporter, connections, announce, finish } = session;
  reporter.emit({
    type: 'run-started',
    command: 'status',
    ...(recorded.run ? { runId: recorded.run.runId } : {}),
    targets: [...connections].map(([provider, reached]) => ({
      provider,
      title: provider,
      endpoint: reached.record.endpoint,
      credentialSource: reached.record.credentialSource,
      emulator: reached.record.emulator,
    })),
  });
  if (recorded.run?.status === 'unfinished')
    reporter.emit({ type: 'notice', message: `run ${recorded.run.runId} did not finish` });
  for (const item of recorded.unknown) reporter.emit({ type: 'notice', message: item });
  const rows: SummaryRow[] = [];
  let exitCode: number = ExitCode.success;
  for (const entry of recorded.entries) {
    announce(entry);
    const described = await describeOne(entry, connections.get(entry.ref.provider)!, reporter);
    rows.push(described.row);
    exitCode = Math.max(exitCode, described.exitCode);
  }
  const reason =
    exitCode === ExitCode.success
      ? 'described every change set'
      : 'a change set did not succeed, or could not be described';
  return finish(exitCode, reason, rows);
}

/** Describes one recorded change set: its events, its summary row, and what it adds to the exit code. */
async function describeOne(
  entry: RecordedChangeSet,
  connection: ProviderConnection,
  reporter: RunReporter,
): Promise<{ readonly row: SummaryRow; readonly exitCode: number }> {
  const base = {
    task: entry.task,
    label: entry.label,
    provider: entry.ref.provider,
    changeSetId: entry.ref.changeSetId,
  };
  const described = await connection.provider.describe(entry.ref);
  if (described.isErr()) {
    reporter.emit({ type: 'task-failed', task: entry.task, error: serializeChangeSetError(described.error) });
    return {
      row: { ...base, changes: 0, status: 'failed', detail: described.error.message },
      exitCode: ExitCode.error,
    };
  }
  const changeSet = described.value;
  const status = entry.phase === 'prepared' && changeSet.status === 'ready' ? 'ready' : changeSet.status;
  const detail = changeSet.reason ? { detail: changeSet.reason } : {};
  reporter.emit({
    type: 'task-status',
    task: entry.task,
    status,
    rawStatus: changeSet.rawStatus,
    changeSetId: entry.ref.changeSetId,
    ...detail,
  });
  const ended = changeSet.status === 'failed' || changeSet.status === 'cancelled';
  return {
    row: { ...base, changes: changeSet.changes?.length ?? 0, status, ...detail },
    exitCode: ended ? ExitCode.changeSetFailed : ExitCode.success,
  };
}
