import type { ProviderDescriptor } from '@changeplane/core/adapter';
import type { Command } from 'commander';

/** `completion` and `schema`: what shells and editors are given. */
export function registerToolCommands(
  program: Command,
  descriptors: readonly ProviderDescriptor[],
  done: (exitCode: number) => void,
): void {
  program
    .command('completion <shell>')
    .description('print a completion script for bash, zsh or fish')
    .addHelpText('after', '\nbash: source <(changeplane completion bash)\nzsh: source <(changeplane completion zsh)')
    .action(async (shell: string) => {
      const { completionCommand } = await import('../commands/completion-command.js');
      done(completionCommand(program, shell));
    });

  program
    .command('schema')
    .description('print the JSON Schema of plan files (for editors: yaml-language-server, VS Code)')
    .action(async () => {
      const { schemaCommand } = await import('../commands/schema-command.js');
      done(await schemaCommand(undefined, descriptors));
    });
}
