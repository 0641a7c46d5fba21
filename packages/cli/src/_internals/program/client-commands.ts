import { type Command, Option } from 'commander';
import { positiveNumber } from './program-options.js';

const serverHelp = 'the bot host, as `changeplane serve` prints it [env CHANGEPLANE_SERVER]';
const tokenHelp = 'a bearer token from `changeplane token create` [env CHANGEPLANE_TOKEN]';

/** `submit` and `runs`: the bot host's client side. */
export function registerClientCommands(program: Command, done: (exitCode: number) => void): void {
  program
    .command('submit <plan>')
    .description("send a plan to a bot host and follow the run there with apply's display and exit codes")
    .option('--server <url>', serverHelp)
    .option('--token <token>', tokenHelp)
    .option('--json', 'one JSON event per line (docs/cli-events.md), for bots')
    .option('--no-color', 'no colors')
    .option('--detach', 'print the run id once it is queued, and leave')
    .option('--idempotency-key <key>', 'the same key and plan answer the same run (a retried submit queues once)')
    .action(async (plan: string, options) => {
      const { submitCommand } = await import('../commands/submit-command.js');
      done(await submitCommand(plan, options));
    });
  program
    .command('runs')
    .description("a bot host's runs that the token sees, newest first")
    .option('--server <url>', serverHelp)
    .option('--token <token>', tokenHelp)
    .addOption(
      new Option('--state <state>', 'only runs in this state').choices([
        'queued',
        'running',
        'succeeded',
        'failed',
        'cancelled',
      ]),
    )
    .option('--limit <runs>', 'at most this many (1..500)', positiveNumber)
    .option('--json', 'the page as one JSON object ({ items, next })')
    .action(async (options) => {
      const { runsCommand } = await import('../commands/runs-command.js');
      done(await runsCommand(options));
    });
}
