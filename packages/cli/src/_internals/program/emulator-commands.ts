import type { ProviderDescriptor } from '@changeplane/core/adapter';
import type { Command } from 'commander';
import { emulatorPortFlag } from '../commands/emulator-port-flag.js';
import { positiveNumber, speedOption } from './program-options.js';

/** `emulators`: every provider's emulator, until interrupted. */
export function registerEmulatorsCommand(
  program: Command,
  descriptors: readonly ProviderDescriptor[],
  done: (exitCode: number) => void,
): void {
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
      const { emulatorsCommand } = await import('../commands/emulators-command.js');
      done(await emulatorsCommand(options, descriptors));
    });
}
