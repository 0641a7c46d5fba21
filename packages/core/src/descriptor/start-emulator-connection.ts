import { err, ok, type Result } from 'neverthrow';
import { isMissingPackage } from '../_internals/descriptor/is-missing-package.js';
import type { JsonValue } from '../model/json-value.js';
import type { ChangeSetProvider } from '../provider/change-set-provider.js';
import { type MissingPackageError, missingPackageError } from './missing-package-error.js';
import type { EmulatorStartOptions, RunningEmulator } from './provider-runtime.js';

/** What every emulator of ours has: where it answers, and a way to stop it. */
export interface StartedEmulatorServer {
  readonly endpoint: string;
  /** Stops the emulator. */
  close(): Promise<void>;
}

/** A provider wired to a running emulator, and how to reach that emulator again. */
export interface EmulatorWiring<Request> {
  readonly provider: ChangeSetProvider<Request>;
  /** Provider settings to record with the connection (region). */
  readonly settings: Readonly<Record<string, JsonValue>>;
  /** The endpoint variable and the emulator's test credentials, by environment variable name. */
  readonly environment: Readonly<Record<string, string>>;
}

/** How an adapter starts its emulator and wires a provider to it. */
export interface EmulatorLauncher<Server extends StartedEmulatorServer, Request> {
  /** Starts the emulator at its pace for the run's speed (imported lazily: it is an optional peer dependency). */
  start(listen: { readonly host?: string; readonly port?: number; readonly seed?: unknown }): Promise<Server>;
  /** The optional package `start` imports; `@changeplane/emulator` when omitted. */
  readonly emulatorPackage?: string;
  /** A provider talking to the started emulator, sharing what the run gives (its lock store). */
  wire(server: Server, options: EmulatorStartOptions): EmulatorWiring<Request>;
}

/**
 * What every adapter's `ProviderRuntime.startEmulator` does: start its emulator on the given address, wire a
 * provider to it and record the connection as an emulator's (test credentials; it stops with the command
 * that started it). When the emulator package is not installed, the answer is a `MissingPackageError` naming
 * it, not Node's `ERR_MODULE_NOT_FOUND`.
 */
export async function startEmulatorConnection<Server extends StartedEmulatorServer, Request>(
  launcher: EmulatorLauncher<Server, Request>,
  options: EmulatorStartOptions = {},
): Promise<Result<RunningEmulator<Request>, MissingPackageError>> {
  const emulatorPackage = launcher.emulatorPackage ?? '@changeplane/emulator';
  let server: Server;
  try {
    server = await launcher.start({
      ...(options.host !== undefined ? { host: options.host } : {}),
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    });
  } catch (error) {
    if (isMissingPackage(error, emulatorPackage))
      return err(missingPackageError(emulatorPackage, 'The embedded emulators'));
    throw error;
  }
  let wiring: EmulatorWiring<Request>;
  try {
    wiring = launcher.wire(server, options);
  } catch (error) {
    await server.close();
    throw error;
  }
  const { provider, settings, environment } = wiring;
  return ok({
    connection: {
      record: { endpoint: server.endpoint, credentialSource: 'emulator test credentials', emulator: true, settings },
      provider,
      dispose: async () => {
        await provider.dispose?.();
      },
    },
    environment,
    close: () => server.close(),
  });
}
