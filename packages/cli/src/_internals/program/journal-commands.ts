import type { ProviderDescriptor } from '@changeplane/core/adapter';
import type { Command } from 'commander';
import { withProviderOptions } from './program-options.js';

/** `status` and `cancel`: what the journal of the last run says, and reaching its change sets. */
export function registerJournalCommands(
  program: Command,
  descriptors: readonly ProviderDescriptor[],
  done: (exitCode: number) => void,
): void {
  withProviderOptions(
    program.command('status').description('describe the change sets of the last run, where it reached them'),
    descriptors,
  )
    .option('--run <id>', 'the run to describe (a prefix of its id is enough) instead of the last one')
    .option('--all', 'describe the change sets of every run in the journal')
    .action(async (options) => {
      const { statusCommand } = await import('../commands/status-command.js');
      done(await statusCommand(options, descriptors));
    });

  withProviderOptions(
    program.command('cancel <change-set>').description('cancel a change set of the last run (task or change-set id)'),
    descriptors,
  )
    .option('--run <id>', 'look in this run (a prefix of its id is enough) instead of the last one')
    .action(async (target: string, options) => {
      const { cancelCommand } = await import('../commands/cancel-command.js');
      done(await cancelCommand(target, options, descriptors));
    });
}
