import { readFileSync } from 'node:fs';
import type { ProviderDescriptor } from '@changeplane/core/adapter';
import { Command } from 'commander';
import { registerEmulatorsCommand } from './_internals/program/emulator-commands.js';
import { registerHostCommands } from './_internals/program/host-commands.js';
import { registerJournalCommands } from './_internals/program/journal-commands.js';
import { credentialHelp, pointToHelpAfterError } from './_internals/program/program-options.js';
import { registerRunCommands } from './_internals/program/run-commands.js';
import { registerToolCommands } from './_internals/program/tool-commands.js';
import { earlyExitCode } from './_internals/run/exit-policy.js';
import { ExitCode } from './exit-codes.js';
import { builtinDescriptors } from './providers/builtin-descriptors.js';

// Only commander, the exit codes (and their policy) and the descriptors' metadata load before the arguments are parsed:
// each command loads what it needs (SDKs, emulators, zod) when it runs, so `--help` stays fast.

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** What a program embedding the command may change. */
export interface MainOptions {
  /**
   * The providers the command drives (default {@link builtinDescriptors}): pass
   * `[...builtinDescriptors, myDescriptor]` to add one without changing the command.
   */
  readonly descriptors?: readonly ProviderDescriptor[];
}

/** The `changeplane` program; resolves to the process exit code. */
export async function main(
  argv: readonly string[],
  { descriptors = builtinDescriptors }: MainOptions = {},
): Promise<number> {
  let exitCode: number = ExitCode.success;
  const program = new Command('changeplane')
    .description('Create and start change sets on Alibaba Cloud ROS and the AWS Marketplace Catalog API')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  changeplane plan plan.yaml                 show what would change; leave nothing behind',
        '  changeplane apply plan.yaml                prepare, show, ask, then start',
        '  changeplane apply plan.yaml --yes --json   for bots: no prompt, one JSON event per line',
        '  changeplane apply plan.yaml --emulators    try it on the embedded emulators',
        '  changeplane status && changeplane cancel marketplace:2',
        credentialHelp(descriptors),
      ].join('\n'),
    );

  const done = (code: number) => {
    exitCode = code;
  };
  for (const register of [
    registerRunCommands,
    registerJournalCommands,
    registerEmulatorsCommand,
    registerHostCommands,
    registerToolCommands,
  ])
    register(program, descriptors, done);

  for (const command of [program, ...program.commands]) pointToHelpAfterError(command);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help')
      return ExitCode.success;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      const detailedPlan = argv[0] === 'plan' && argv.includes('--detailed-exitcode');
      return earlyExitCode(ExitCode.invalidInput, { detailedPlan });
    }
    throw error;
  }
  return exitCode;
}
