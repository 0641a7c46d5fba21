import type { ProviderDescriptor } from '@changeplane/core/adapter';
import { type Command, InvalidArgumentError, Option } from 'commander';

export const positiveNumber = (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('must be a number of at least 0');
  return parsed;
};

export const speedOption = () =>
  new Option('--emulator-speed <speed>', 'how fast embedded emulators move change sets')
    .choices(['demo', 'fast', 'slow'])
    .default('demo');

export function withProviderOptions(command: Command, descriptors: readonly ProviderDescriptor[]): Command {
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

export const credentialHelp = (descriptors: readonly ProviderDescriptor[]) =>
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
export function pointToHelpAfterError(command: Command): void {
  const path = command.parent ? `${command.parent.name()} ${command.name()}` : command.name();
  command.showHelpAfterError(`Usage: ${path} ${command.usage()}\nRun '${path} --help' for details.`);
}
