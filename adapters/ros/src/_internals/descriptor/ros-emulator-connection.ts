import type { EmulatorSpeed, RunningEmulator } from '@changeplane/core';
import type { RosChangeSetRequest } from '../../ros-change-set-request.js';
import { RosProvider } from '../../ros-provider.js';
import { defaultRosRegion } from './ros-targets.js';

const timings: Readonly<Record<EmulatorSpeed, { createMs: number; executeMs: number }>> = {
  demo: { createMs: 1_200, executeMs: 2_500 },
  fast: { createMs: 60, executeMs: 120 },
  slow: { createMs: 3_000, executeMs: 10_000 },
};

/** Starts the embedded ROS emulator (an optional peer dependency) and connects a provider to it. */
export async function startRosEmulatorConnection(
  speed: EmulatorSpeed,
  regionId: string = defaultRosRegion,
): Promise<RunningEmulator<RosChangeSetRequest>> {
  const { startRosEmulator } = await import('@changeplane/emulator');
  const emulator = await startRosEmulator({ timing: timings[speed] });
  const provider = RosProvider.fromOptions({
    regionId,
    // The SDK takes host:port and the scheme apart.
    endpoint: new URL(emulator.endpoint).host,
    protocol: 'http',
    credentials: emulator.credentials,
  });
  return {
    connection: {
      record: {
        endpoint: emulator.endpoint,
        credentialSource: 'emulator test credentials',
        emulator: true,
        settings: { regionId },
      },
      provider,
      dispose: async () => {},
    },
    close: () => emulator.close(),
  };
}
