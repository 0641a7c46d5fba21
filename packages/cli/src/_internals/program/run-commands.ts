import type { ProviderDescriptor } from '@changeplane/core/adapter';
import type { Command } from 'commander';
import { credentialHelp, positiveNumber, withProviderOptions } from './program-options.js';

/** `apply` and `plan`. */
export function registerRunCommands(
  program: Command,
  descriptors: readonly ProviderDescriptor[],
  done: (exitCode: number) => void,
): void {
  withProviderOptions(
    program
      .command('apply <plan>')
      .description('prepare and show every change set of a plan, ask, then start them and wait'),
    descriptors,
  )
    .option('-y, --yes', 'start without asking (required when there is no terminal)')
    .option('--detach', 'return once every change set has started (waits only for those others depend on)')
    .option('--lock-wait <seconds>', 'wait for locked entities instead of failing at once', positiveNumber)
    .option('--replay', 'send change sets an earlier run applied, unchanged, again (they are left out by default)')
    .option('--new-run', 'start afresh even when the last run of this plan did not finish (it is resumed by default)')
    .addHelpText('after', credentialHelp(descriptors))
    .action(async (plan: string, options) => {
      const { applyCommand } = await import('../commands/apply-command.js');
      done(await applyCommand('apply', plan, options, descriptors));
    });

  withProviderOptions(
    program
      .command('plan <plan>')
      .description('show what a plan would change; prepared change sets are removed again unless --keep'),
    descriptors,
  )
    .option('--keep', 'leave the prepared change sets in the cloud for review (ROS)')
    .option('--replay', 'show change sets an earlier run applied, unchanged, as changes too')
    .option('--out <file>', 'keep the prepared change sets and save them: `apply <file>` starts exactly those')
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error')
    .addHelpText('after', credentialHelp(descriptors))
    .action(async (plan: string, options) => {
      const { applyCommand } = await import('../commands/apply-command.js');
      done(await applyCommand('plan', plan, options, descriptors));
    });
}
