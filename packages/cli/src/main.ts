import { Command, InvalidArgumentError, Option } from 'commander';
import { applyCommand } from './commands/apply-command.js';
import { cancelCommand } from './commands/cancel-command.js';
import type { CommonOptions } from './commands/common-options.js';
import { emulatorsCommand } from './commands/emulators-command.js';
import { registerSchemaCommand } from './commands/schema-command.js';
import { statusCommand } from './commands/status-command.js';
import { ExitCode } from './exit-codes.js';
import { defaultStateFile } from './state/run-state-file.js';

const positiveNumber = (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('must be a number of at least 0');
  return parsed;
};

function withCommonOptions(command: Command): Command {
  return command
    .option('--json', 'one JSON object per event, for bots')
    .option('--emulators', 'use the embedded emulators even when credentials are configured')
    .option('--ros-endpoint <url>', 'ROS endpoint (else CHANGEPLANE_ROS_ENDPOINT)')
    .option('--marketplace-endpoint <url>', 'Marketplace Catalog endpoint (else CHANGEPLANE_MARKETPLACE_ENDPOINT)')
    .option('--region <id>', 'ROS region when the plan names none', 'cn-hangzhou')
    .option('--aws-region <id>', 'AWS region', 'us-east-1')
    .addOption(
      new Option('--emulator-speed <speed>', 'how fast embedded emulators move')
        .choices(['demo', 'fast', 'slow'])
        .default('demo'),
    )
    .option('--state <file>', 'where runs are recorded for status and cancel', defaultStateFile)
    .option('--max-wait <seconds>', 'longest wait for one change set', positiveNumber, 1_800);
}

/** The `changeplane` program; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.success;
  const program = new Command('changeplane')
    .description('Create and start change sets on Alibaba Cloud ROS and the AWS Marketplace Catalog API')
    .exitOverride()
    .showHelpAfterError();

  withCommonOptions(
    program.command('apply <plan>').description('create, show, start and wait for every change set of a plan'),
  )
    .option('--detach', 'start the change sets and return without waiting')
    .option('--lock-wait <seconds>', 'wait for locked entities instead of failing at once', positiveNumber)
    .action(async (plan: string, options: CommonOptions & { detach?: boolean; lockWait?: number }) => {
      exitCode = await applyCommand('apply', plan, options);
    });

  withCommonOptions(
    program
      .command('plan <plan>')
      .description('show what would happen; start nothing (ROS change sets are created, not executed)'),
  ).action(async (plan: string, options: CommonOptions) => {
    exitCode = await applyCommand('plan', plan, options);
  });

  withCommonOptions(program.command('status').description('describe the change sets of the last run')).action(
    async (options: CommonOptions) => {
      exitCode = await statusCommand(options);
    },
  );

  withCommonOptions(
    program
      .command('cancel <change-set>')
      .description('cancel a change set of the last run (task name or change-set id)'),
  ).action(async (target: string, options: CommonOptions) => {
    exitCode = await cancelCommand(target, options);
  });

  program
    .command('emulators')
    .description('run the ROS and Marketplace emulators until interrupted')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--ros-port <port>', 'ROS emulator port (0 = any free port)', positiveNumber, 0)
    .option('--marketplace-port <port>', 'Marketplace emulator port (0 = any free port)', positiveNumber, 0)
    .addOption(
      new Option('--emulator-speed <speed>', 'how fast change sets move')
        .choices(['demo', 'fast', 'slow'])
        .default('demo'),
    )
    .option('--json', 'print the environment as one JSON object')
    .action(async (options) => {
      exitCode = await emulatorsCommand(options);
    });

  registerSchemaCommand(program, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help')
      return ExitCode.success;
    if (typeof code === 'string' && code.startsWith('commander.')) return ExitCode.invalidInput;
    throw error;
  }
  return exitCode;
}
