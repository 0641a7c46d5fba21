import type { JsonValue } from '../model/json-value.js';
import type { ChangeSetProvider } from '../provider/change-set-provider.js';
import type { EmulatorSpeed, EmulatorStartOptions, RunningEmulator } from './provider-runtime.js';

/** What every emulator of ours has: where it answers, and a way to stop it. */
export interface StartedEmulatorServer {
  readonly endpoint: string;
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
export interface EmulatorLauncher<Server extends StartedEmulatorServer, Timing, Request> {
  /** The emulator's pace at each speed, in its own timing fields. */
  readonly timings: Readonly<Record<EmulatorSpeed, Timing>>;
  /** Starts the emulator (imported lazily: it is an optional peer dependency). */
  start(options: { readonly host?: string; readonly port?: number; readonly timing: Timing }): Promise<Server>;
  wire(server: Server, options: EmulatorStartOptions): EmulatorWiring<Request>;
}

/**
 * `ProviderRuntime.startEmulator` for any adapter: starts its emulator at the speed's timing on the given
 * address, wires a provider to it and records the connection as an emulator's (test credentials, stops with
 * the command that started it).
 */
export async function startEmulatorConnection<Server extends StartedEmulatorServer, Timing, Request>(
  launcher: EmulatorLauncher<Server, Timing, Request>,
  speed: EmulatorSpeed,
  options: EmulatorStartOptions = {},
): Promise<RunningEmulator<Request>> {
  const server = await launcher.start({
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    timing: launcher.timings[speed],
  });
  let wiring: EmulatorWiring<Request>;
  try {
    wiring = launcher.wire(server, options);
  } catch (error) {
    await server.close();
    throw error;
  }
  const { provider, settings, environment } = wiring;
  return {
    connection: {
      record: { endpoint: server.endpoint, credentialSource: 'emulator test credentials', emulator: true, settings },
      provider,
      dispose: async () => {
        await provider.dispose?.();
      },
    },
    environment,
    close: () => server.close(),
  };
}
