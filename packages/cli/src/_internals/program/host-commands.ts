import type { ProviderDescriptor } from '@changeplane/core/adapter';
import type { Command } from 'commander';
import { registerClientCommands } from './client-commands.js';
import { positiveNumber, speedOption } from './program-options.js';

const storeHelp =
  'postgres://... of the host [env CHANGEPLANE_STORE]; default: an embedded PostgreSQL in <state-dir>/postgres';

/** `serve` (the bot host), `token` (its bearer tokens), and `submit` / `runs` (its client). */
export function registerHostCommands(
  program: Command,
  descriptors: readonly ProviderDescriptor[],
  done: (exitCode: number) => void,
): void {
  const serve = program
    .command('serve')
    .description('host deployment bots: an HTTP API that queues plans fairly, locks and runs them (docs/server.md)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', positiveNumber, 8080)
    .option('--store <url>', storeHelp)
    .option('--state-dir <dir>', 'where the embedded PostgreSQL keeps its data', '.changeplane')
    .option('--emulators', "run every provider's emulator beside the host and send runs there")
    .addOption(speedOption())
    .option('--concurrency <runs>', 'runs this server carries out at once', positiveNumber, 4)
    .option('--max-wait <seconds>', 'longest wait for one change set', positiveNumber, 1_800)
    .option(
      '--allow-private-webhook-targets',
      'let webhooks reach private addresses (RFC 1918, link-local, ULA); loopback is always allowed',
    );
  for (const descriptor of descriptors)
    for (const option of descriptor.options)
      serve.option(option.flag, `${option.description}${option.env ? ` [env ${option.env}]` : ''}`);
  serve.action(async (options) => {
    const { serveCommand } = await import('../commands/serve-command.js');
    done(await serveCommand(options, descriptors));
  });

  const token = program.command('token').description("the host's bearer tokens: create, list, revoke");
  const withStore = (command: Command) =>
    command
      .option('--store <url>', storeHelp)
      .option('--state-dir <dir>', 'where the embedded PostgreSQL keeps its data', '.changeplane');
  withStore(token.command('create').description('make a token; it is printed once, on the last line of stdout'))
    .requiredOption('--tenant <tenant>', 'the tenant whose runs the token submits and reads')
    .requiredOption('--name <name>', 'unique name of the token (audit rows name it)')
    .option('--scope <scope>', 'provider:target-glob, or * (repeat it); none means no targets', collect, [])
    .option('--approver', 'may approve or reject the runs of its tenant')
    .option('--admin', "reads every tenant's runs and audit rows")
    .option('--require-approval', 'runs it submits wait for an approver once planned')
    .action(async (options) => {
      const { tokenCreateCommand } = await import('../commands/token-commands.js');
      done(await tokenCreateCommand(options));
    });
  withStore(token.command('list').description('every token by name, tenant, scopes and roles (never the token)'))
    .option('--json', 'one JSON array')
    .action(async (options) => {
      const { tokenListCommand } = await import('../commands/token-commands.js');
      done(await tokenListCommand(options));
    });
  withStore(token.command('revoke <name>').description('the token stops working at once, on every server')).action(
    async (name: string, options) => {
      const { tokenRevokeCommand } = await import('../commands/token-commands.js');
      done(await tokenRevokeCommand(name, options));
    },
  );
  registerClientCommands(program, done);
}

function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}
