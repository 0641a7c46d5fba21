import type {
  EmulatorSpeed,
  EmulatorStartOptions,
  EmulatorWiring,
  MissingPackageError,
  RunningEmulator,
} from '@changeplane/core/adapter';
import { startEmulatorConnection } from '@changeplane/core/adapter';
import type { RosSeed } from '@changeplane/emulator';
import type { Result } from 'neverthrow';
import type { RosChangeSetRequest } from '../../ros-change-set-request.js';
import { RosProvider } from '../../ros-provider.js';
import { defaultRosRegion } from './ros-targets.js';

/** Starts the embedded ROS emulator (an optional peer dependency) and connects a provider to it. */
export function startRosEmulatorConnection(
  speed: EmulatorSpeed,
  options: EmulatorStartOptions = {},
  regionId: string = defaultRosRegion,
): Promise<Result<RunningEmulator<RosChangeSetRequest>, MissingPackageError>> {
  return startEmulatorConnection(
    {
      // The `ros:` section of a seed file, when the run was given one: the emulator checks it (issues by path).
      start: async (listen) => {
        const { seed, ...address } = listen as typeof listen & { readonly seed?: unknown };
        return (await import('@changeplane/emulator')).startRosEmulator({
          ...address,
          timing: paceOf[speed],
          ...(seed === undefined ? {} : { seed: seed as RosSeed }),
        });
      },
      // ROS change sets take no entity locks: the run's lock store is not needed.
      wire: (emulator): EmulatorWiring<RosChangeSetRequest> => ({
        settings: { regionId },
        environment: {
          CHANGEPLANE_ROS_ENDPOINT: emulator.endpoint,
          ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.credentials.accessKeySecret,
        },
        provider: RosProvider.fromOptions({
          regionId,
          endpoint: emulator.endpoint,
          credentials: emulator.credentials,
        }),
      }),
    },
    options,
  );
}

// `slow` runs an execution long enough to cancel the update by hand (CancelUpdateStack).
const paceOf: Readonly<Record<EmulatorSpeed, { createMs: number; executeMs: number }>> = {
  demo: { createMs: 1_200, executeMs: 2_500 },
  fast: { createMs: 60, executeMs: 120 },
  slow: { createMs: 3_000, executeMs: 10_000 },
};
