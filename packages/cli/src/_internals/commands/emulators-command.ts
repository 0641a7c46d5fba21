import type { EmulatorSpeed, ProviderDescriptor, RunningEmulator } from '@changeplane/core/adapter';
import { loadProviders } from '../../providers/loaded-provider.js';
import { optionAttribute } from '../providers/option-values.js';
import { emulatorPortFlag } from './emulator-port-flag.js';

export interface EmulatorsOptions {
  readonly host: string;
  readonly emulatorSpeed: EmulatorSpeed;
  readonly json?: boolean;
  /** Each provider's port, by the attribute of its `--<plan section>-port` flag (`rosPort`); 0: any free port. */
  readonly [portOption: string]: unknown;
}

/**
 * `changeplane emulators`: runs every provider's emulator, each at its runtime's pace for the speed, until
 * interrupted, and prints how to point `apply`, `status` and `cancel` (or any SDK client) at them.
 */
export async function emulatorsCommand(
  options: EmulatorsOptions,
  descriptors: readonly ProviderDescriptor[],
): Promise<number> {
  const running: RunningEmulator[] = [];
  const stop = async () => {
    await Promise.allSettled(running.map((emulator) => emulator.connection.dispose()));
    await Promise.allSettled(running.map((emulator) => emulator.close()));
  };
  try {
    for (const { descriptor, runtime } of await loadProviders(descriptors)) {
      const port = options[optionAttribute(emulatorPortFlag(descriptor))];
      const started = await runtime.startEmulator(options.emulatorSpeed, {
        host: options.host,
        ...(typeof port === 'number' ? { port } : {}),
      });
      if (started.isErr()) {
        await stop();
        process.stderr.write(`${descriptor.title}: ${started.error.message}\n`);
        return 2;
      }
      running.push(started.value);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const environment = Object.assign({}, ...running.map((emulator) => emulator.environment)) as Record<string, string>;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ type: 'emulators-started', environment })}\n`);
  } else {
    process.stdout.write('changeplane emulators running (Ctrl-C to stop). These are emulator-only test credentials:\n');
    for (const [name, value] of Object.entries(environment)) process.stdout.write(`export ${name}=${value}\n`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await stop();
  return 0;
}
