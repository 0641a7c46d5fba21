import type { ProviderConnection, ProviderDescriptor } from '@changeplane/core/adapter';
import { ExitCode } from '../../exit-codes.js';
import { loadProviders } from '../../providers/loaded-provider.js';
import type { SummaryRow } from '../output/run-event.js';
import type { RunReporter } from '../output/run-reporter.js';
import type { CommonOptions } from './common-options.js';
import { createReporter } from './create-reporter.js';
import { reconnect } from './reconnect.js';
import {
  type RecordedChangeSet,
  type RecordedChangeSets,
  type RunSelection,
  recordedChangeSets,
} from './recorded-change-sets.js';

/** What a command found to act on among the recorded change sets, or why it found nothing. */
export type RecordedSelection<Subject> =
  | { readonly found: true; readonly subject: Subject; readonly providers: ReadonlySet<string> }
  | { readonly found: false; readonly notice: string; readonly reason: string };

/** What a command acting on recorded change sets has once their providers are reached. */
export interface RecordedSession {
  readonly reporter: RunReporter;
  readonly recorded: RecordedChangeSets;
  readonly connections: ReadonlyMap<string, ProviderConnection>;
  /** Lists a recorded change set as a task of this command (`task-added`). */
  announce(entry: RecordedChangeSet): void;
  /** Ends the command: `run-finished` with the exit code, reason and summary; returns the exit code. */
  finish(exitCode: number, reason: string, summary?: SummaryRow[]): number;
}

/** A command over the change sets earlier runs recorded (`status`, `cancel`). */
export interface RecordedChangeSetCommand<Subject> {
  select(recorded: RecordedChangeSets): RecordedSelection<Subject>;
  /** The reason given when the selected change sets' providers cannot be reached. */
  readonly unreachable: string;
  /** The reason given when they ran on embedded emulators that are gone; absent: that is a failure too. */
  readonly emulatorsGone?: string;
  act(subject: Subject, session: RecordedSession): Promise<number>;
}

/**
 * What `status` and `cancel` share: read the recorded change sets (state file and run journal), pick what
 * to act on, reach its providers where the last run reached them, act, and close everything whatever happens.
 */
export async function runRecordedChangeSetCommand<Subject>(
  options: CommonOptions & RunSelection & { store?: string },
  descriptors: readonly ProviderDescriptor[],
  command: RecordedChangeSetCommand<Subject>,
): Promise<number> {
  const reporter = createReporter(options);
  const finish = (exitCode: number, reason: string, summary: SummaryRow[] = []) => {
    reporter.emit({ type: 'run-finished', exitCode, reason, summary });
    return exitCode;
  };
  try {
    const recorded = await recordedChangeSets(options);
    for (const problem of recorded.problems) reporter.emit({ type: 'notice', message: problem });
    const selection = command.select(recorded);
    if (!selection.found) {
      reporter.emit({ type: 'notice', message: selection.notice });
      return finish(ExitCode.invalidInput, selection.reason);
    }
    const connection = await reconnect(
      selection.providers,
      recorded.providers,
      await loadProviders(descriptors),
      options,
    );
    if (!connection.ok) {
      reporter.emit({ type: 'notice', message: connection.problem });
      // Embedded emulators stop with their run: that is what happened to its change sets, not a failure.
      if (connection.emulatorsGone && command.emulatorsGone) return finish(ExitCode.success, command.emulatorsGone);
      return finish(ExitCode.error, command.unreachable);
    }
    try {
      return await command.act(selection.subject, {
        reporter,
        recorded,
        connections: connection.connections,
        announce: (entry) =>
          reporter.emit({
            type: 'task-added',
            task: entry.task,
            provider: entry.ref.provider,
            label: entry.label,
            changes: 0,
          }),
        finish,
      });
    } finally {
      await connection.close();
    }
  } finally {
    reporter.close();
  }
}
