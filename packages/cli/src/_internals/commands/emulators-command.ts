import { readFile } from 'node:fs/promises';
import type { EmulatorSpeed, ProviderDescriptor, RunningEmulator } from '@changeplane/core/adapter';
import { parse as parseYaml } from 'yaml';
import { ExitCode } from '../../exit-codes.js';
import { loadProviders } from '../../providers/loaded-provider.js';
import { optionAttribute } from '../providers/option-values.js';
import { emulatorPortFlag } from './emulator-port-flag.js';

export interface EmulatorsOptions {
  readonly host: string;
  readonly emulatorSpeed: EmulatorSpeed;
  readonly json?: boolean;
  /** A seed file (YAML or JSON) with one section per provider, by plan section (`marketplace:`, `ros:`). */
  readonly seed?: string;
  /** Each provider's port, by the attribute of its `--<plan section>-port` flag (`rosPort`); 0: any free port. */
  readonly [portOption: string]: unknown;
}

/** What an emulator rejects a wrong seed with (InvalidSeedError): every issue by its path inside the section. */
interface SeedIssues {
  readonly issues: readonly { readonly path: string; readonly message: string }[];
}
const isSeedIssues = (error: unknown): error is SeedIssues =>
  error instanceof Error && error.name === 'InvalidSeedError' && Array.isArray((error as Partial<SeedIssues>).issues);

/**
 * `changeplane emulators`: runs every provider's emulator, each at its runtime's pace for the speed and with its
 * section of the `--seed` file, until interrupted, and prints how to point `apply`, `status` and `cancel` (or
 * any SDK client) at them. A seed file that cannot be read or that an emulator refuses is exit 2, each issue
 * named by its path in the file (`marketplace.entities[0].type`).
 */
export async function emulatorsCommand(
  options: EmulatorsOptions,
  descriptors: readonly ProviderDescriptor[],
): Promise<number> {
  const seed = options.seed === undefined ? {} : await readSeedFile(options.seed, descriptors);
  if (typeof seed === 'string') return refuse(seed);
  const running: RunningEmulator[] = [];
  const stop = async () => {
    await Promise.allSettled(running.map((emulator) => emulator.connection.dispose()));
    await Promise.allSettled(running.map((emulator) => emulator.close()));
  };
  try {
    for (const { descriptor, runtime } of await loadProviders(descriptors)) {
      const port = options[optionAttribute(emulatorPortFlag(descriptor))];
      const section = seed[descriptor.planSection];
      try {
        const started = await runtime.startEmulator(options.emulatorSpeed, {
          host: options.host,
          ...(typeof port === 'number' ? { port } : {}),
          ...(section !== undefined ? { seed: section } : {}),
        });
        if (started.isErr()) {
          await stop();
          return refuse(`${descriptor.title}: ${started.error.message}`);
        }
        running.push(started.value);
      } catch (error) {
        if (!isSeedIssues(error)) throw error;
        await stop();
        const prefix = descriptor.planSection;
        return refuse(
          error.issues
            .map((issue) => `${options.seed}: ${prefix}${issue.path ? `.${issue.path}` : ''}: ${issue.message}`)
            .join('\n'),
        );
      }
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

function refuse(message: string): number {
  process.stderr.write(`${message}\n`);
  return ExitCode.invalidInput;
}

/** The seed file's sections by plan section, or why it cannot be used. YAML (and so JSON) with only known sections. */
async function readSeedFile(
  file: string,
  descriptors: readonly ProviderDescriptor[],
): Promise<Readonly<Record<string, unknown>> | string> {
  let data: unknown;
  try {
    data = parseYaml(await readFile(file, 'utf8'), { maxAliasCount: 100 });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return `${file}: cannot read the seed file: ${reason}`;
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return `${file}: a seed file is a mapping of provider sections (${descriptors.map((d) => d.planSection).join(', ')})`;
  }
  const known = new Set(descriptors.map((descriptor) => descriptor.planSection));
  const unknown = Object.keys(data).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    return `${file}: ${unknown.join(', ')}: not a provider section (the sections are ${[...known].join(', ')})`;
  }
  return data as Record<string, unknown>;
}
