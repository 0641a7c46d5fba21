import type { ConnectionResolution, EmulatorSpeed, ProviderConnection, ProviderSetup } from '@changeplane/core/adapter';
import type { LoadedProvider } from '../../providers/loaded-provider.js';

/** Why a run talks to emulators, when it does: only when asked. */
export type EmulatorReason = 'requested';

export interface ConnectRequest extends LoadedProvider {
  /** The plan's section, when a plan is run. */
  readonly section?: unknown;
  readonly options: Readonly<Record<string, string | undefined>>;
}

export type ConnectOutcome =
  | {
      readonly ok: true;
      readonly connections: ReadonlyMap<string, ProviderConnection>;
      /** Set when at least one provider runs on its emulator. */
      readonly emulators?: EmulatorReason;
      close(): Promise<void>;
    }
  /** `noTarget`: nothing says where to go (no credentials, no endpoint, no `--emulators`): the input is incomplete. */
  | { readonly ok: false; readonly problems: readonly string[]; readonly noTarget?: true };

export interface ConnectOptions {
  /** `--emulators`: every provider on its embedded emulator. */
  readonly emulators: boolean;
  /** What the providers share (a lock store for bots on several machines). */
  readonly setup?: ProviderSetup;
  readonly speed: EmulatorSpeed;
  readonly env: NodeJS.ProcessEnv;
}

const sectionAsksForEmulator = (section: unknown) =>
  typeof section === 'object' && section !== null && (section as { emulator?: unknown }).emulator === true;

/**
 * Connects every provider a run uses, and no other. Each one is reached through its flags, its plan section
 * and its SDK's standard credential chain. Emulators run only when asked (`--emulators`, or a section with
 * `emulator: true`). When nothing says where to go, the run is refused, as the CDK toolkit does: a CI job
 * whose secrets are missing must not pass against an emulator. A provider that finds nothing while another
 * does is an error too: a run never quietly splits between the cloud and an emulator.
 */
export async function connectProviders(
  requests: readonly ConnectRequest[],
  options: ConnectOptions,
): Promise<ConnectOutcome> {
  const closers: (() => Promise<void>)[] = [];
  const connections = new Map<string, ProviderConnection>();
  const close = async () => {
    await Promise.allSettled([...connections.values()].map((connection) => connection.dispose()));
    await Promise.allSettled(closers.map((closer) => closer()));
  };
  // The problem when the emulator cannot start for a reason the user can fix (its package is not installed).
  const startEmulator = async (request: ConnectRequest): Promise<string | undefined> => {
    const started = await request.runtime.startEmulator(options.speed, options.setup);
    if (started.isErr()) return `${request.descriptor.title}: ${started.error.message}`;
    const emulator = started.value;
    closers.push(() => emulator.close());
    connections.set(request.descriptor.id, emulator.connection);
    return undefined;
  };
  const refuse = async (problem: string): Promise<ConnectOutcome> => {
    await close();
    return { ok: false, problems: [problem] };
  };

  const resolutions = await resolveAll(requests, options);
  const problems = resolutions.flatMap((resolution, index) =>
    resolution !== 'emulator' && !resolution.found && 'problem' in resolution
      ? [`${requests[index]!.descriptor.title}: ${resolution.problem}`]
      : [],
  );
  if (problems.length > 0) return { ok: false, problems };
  const explicitlyConfigured = requests.some((request) => Object.values(request.options).some(Boolean));
  if (!explicitlyConfigured && resolutions.every((resolution) => resolution !== 'emulator' && !resolution.found))
    return noTarget(requests, resolutions);

  const missing: string[] = [];
  for (const [index, resolution] of resolutions.entries()) {
    const request = requests[index]!;
    if (resolution === 'emulator') {
      const problem = await startEmulator(request);
      if (problem) return refuse(problem);
    } else if (resolution.found)
      connections.set(request.descriptor.id, await request.runtime.connect(resolution.record, options.setup));
    else
      missing.push(
        `${request.descriptor.title}: no credentials found (looked in ${resolution.searched.join(', ')}); configure them, or pass --emulators`,
      );
  }
  if (missing.length > 0) {
    await close();
    return { ok: false, problems: missing };
  }
  const anyEmulator = resolutions.includes('emulator');
  return { ok: true, connections, ...(anyEmulator ? { emulators: 'requested' as const } : {}), close };
}

/** Where each provider would be reached: its emulator when asked for, else its flags, section and standard chain. */
function resolveAll(
  requests: readonly ConnectRequest[],
  options: ConnectOptions,
): Promise<(ConnectionResolution | 'emulator')[]> {
  return Promise.all(
    requests.map((request) =>
      options.emulators || sectionAsksForEmulator(request.section)
        ? ('emulator' as const)
        : request.runtime.resolveConnection({
            options: request.options,
            ...(request.section !== undefined ? { section: request.section } : {}),
            env: options.env,
          }),
    ),
  );
}

/** Nothing says where to go: refused, naming where each provider looked. */
function noTarget(
  requests: readonly ConnectRequest[],
  resolutions: readonly (ConnectionResolution | 'emulator')[],
): ConnectOutcome {
  const searched = resolutions.flatMap((resolution, index) =>
    typeof resolution === 'object' && !resolution.found
      ? [`${requests[index]!.descriptor.title} (looked in ${resolution.searched.join(', ')})`]
      : [],
  );
  return {
    ok: false,
    noTarget: true,
    problems: [
      `no credentials found for ${searched.join('; ')}: configure them, or pass --emulators to run on the embedded emulators`,
    ],
  };
}
