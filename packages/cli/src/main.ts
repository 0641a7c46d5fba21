import { readFileSync } from 'node:fs';
import type { ProviderDescriptor } from '@changeplane/core/adapter';
import { Command, InvalidArgumentError, Option } from 'commander';
import { emulatorPortFlag } from './_internals/commands/emulator-port-flag.js';
import { earlyExitCode } from './_internals/run/exit-policy.js';
import { ExitCode } from './exit-codes.js';
import { builtinDescriptors } from './providers/builtin-descriptors.js';

// Only commander, the exit codes (and their policy) and the descriptors' metadata load before the arguments are parsed:
// each command loads what it needs (SDKs, emulators, zod) when it runs, so `--help` stays fast.

const positiveNumber = (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('must be a number of at least 0');
  return parsed;
};

const speedOption = () =>
  new Option('--emulator-speed <speed>', 'how fast embedded emulators move change sets')
    .choices(['demo', 'fast', 'slow'])
    .default('demo');

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function withProviderOptions(command: Command, descriptors: readonly ProviderDescriptor[]): Command {
  command
    .option('--json', 'one JSON object per event on stdout, for bots (see docs/cli-events.md)')
    .option('--no-color', 'no colours (also NO_COLOR=1 or TERM=dumb)')
    .option('--emulators', 'run every provider on its embedded emulator, whatever credentials are configured')
    .addOption(speedOption())
    .option('--state-dir <dir>', 'where the file run journal is kept (status and cancel read it)', '.changeplane')
    // Before the journal was the one record of a run: `--state .changeplane/state.json` named this folder.
    .addOption(
      new Option('--state <file>', 'the state file of earlier versions: its folder is the state dir').hideHelp(),
    )
    .option('--store <url>', 'postgres://... journal and entity locks shared by bots [env CHANGEPLANE_STORE]')
    .option('--max-wait <seconds>', 'longest wait for one change set', positiveNumber, 1_800);
  for (const descriptor of descriptors) {
    for (const option of descriptor.options) {
      command.option(option.flag, `${option.description}${option.env ? ` [env ${option.env}]` : ''}`);
    }
  }
  return command;
}

const credentialHelp = (descriptors: readonly ProviderDescriptor[]) =>
  [
    '',
    'Where each provider is reached:',
    ...descriptors.flatMap((descriptor) => [
      `  ${descriptor.title} (plan section \`${descriptor.planSection}\`), credentials from:`,
      ...descriptor.credentialSources.map((source) => `    - ${source}`),
    ]),
    '  With no credentials anywhere, apply and plan refuse (exit 2): configure them, or pass --emulators.',
    '',
    'Exit codes: 0 success; 1 a change set failed, was cancelled or skipped, or apply was declined;',
    '  2 invalid input (nothing was started); 3 lock contention; 4 any other error; 130 interrupted.',
  ].join('\n');

/** A usage error (unknown flag, missing argument) prints the usage line and where the rest is, not all the help. */
function pointToHelpAfterError(command: Command): void {
  const path = command.parent ? `${command.parent.name()} ${command.name()}` : command.name();
  command.showHelpAfterError(`Usage: ${path} ${command.usage()}\nRun '${path} --help' for details.`);
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
      const { applyCommand } = await import('./_internals/commands/apply-command.js');
      exitCode = await applyCommand('apply', plan, options, descriptors);
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
      const { applyCommand } = await import('./_internals/commands/apply-command.js');
      exitCode = await applyCommand('plan', plan, options, descriptors);
    });

  withProviderOptions(
    program.command('status').description('describe the change sets of the last run, where it reached them'),
    descriptors,
  )
    .option('--run <id>', 'the run to describe (a prefix of its id is enough) instead of the last one')
    .option('--all', 'describe the change sets of every run in the journal')
    .action(async (options) => {
      const { statusCommand } = await import('./_internals/commands/status-command.js');
      exitCode = await statusCommand(options, descriptors);
    });

  withProviderOptions(
    program.command('cancel <change-set>').description('cancel a change set of the last run (task or change-set id)'),
    descriptors,
  )
    .option('--run <id>', 'look in this run (a prefix of its id is enough) instead of the last one')
    .action(async (target: string, options) => {
      const { cancelCommand } = await import('./_internals/commands/cancel-command.js');
      exitCode = await cancelCommand(target, options, descriptors);
    });

  const emulators = program
    .command('emulators')
    .description("run every provider's emulator until interrupted")
    .option('--host <host>', 'address to listen on', '127.0.0.1');
  for (const descriptor of descriptors) {
    emulators.option(
      emulatorPortFlag(descriptor),
      `${descriptor.title} emulator port (0 = any free port)`,
      positiveNumber,
      0,
    );
  }
  emulators
    .addOption(speedOption())
    .option('--json', 'print the environment as one JSON object')
    .option('--seed <file>', 'start each emulator with its section of this YAML or JSON file (`marketplace:`, `ros:`)')
    .action(async (options) => {
      const { emulatorsCommand } = await import('./_internals/commands/emulators-command.js');
      exitCode = await emulatorsCommand(options, descriptors);
    });

  program
    .command('completion <shell>')
    .description('print a completion script for bash, zsh or fish')
    .addHelpText('after', '\nbash: source <(changeplane completion bash)\nzsh: source <(changeplane completion zsh)')
    .action(async (shell: string) => {
      const { completionCommand } = await import('./_internals/commands/completion-command.js');
      exitCode = completionCommand(program, shell);
    });

  program
    .command('schema')
    .description('print the JSON Schema of plan files (for editors: yaml-language-server, VS Code)')
    .action(async () => {
      const { schemaCommand } = await import('./_internals/commands/schema-command.js');
      exitCode = await schemaCommand(undefined, descriptors);
    });

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
