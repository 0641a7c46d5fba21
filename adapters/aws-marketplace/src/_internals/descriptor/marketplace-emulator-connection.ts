import type { EmulatorSpeed, ProviderSetup, RunningEmulator } from '@changeplane/core';
import { AwsMarketplaceProvider } from '../../aws-marketplace-provider.js';
import type { MarketplaceChangeSetRequest } from '../../marketplace-change-set-request.js';

const timings: Readonly<Record<EmulatorSpeed, { preparingMs: number; applyingMs: number }>> = {
  demo: { preparingMs: 800, applyingMs: 1_600 },
  fast: { preparingMs: 60, applyingMs: 120 },
  slow: { preparingMs: 10_000, applyingMs: 10_000 },
};

/** Starts the embedded Marketplace emulator (an optional peer dependency) and connects a provider to it. */
export async function startMarketplaceEmulatorConnection(
  speed: EmulatorSpeed,
  setup: ProviderSetup = {},
): Promise<RunningEmulator<MarketplaceChangeSetRequest>> {
  const { startMarketplaceEmulator } = await import('@changeplane/emulator');
  const emulator = await startMarketplaceEmulator({ timing: timings[speed] });
  const provider = AwsMarketplaceProvider.fromOptions({
    ...(setup.lockStore ? { lockStore: setup.lockStore } : {}),
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
  });
  return {
    connection: {
      record: {
        endpoint: emulator.endpoint,
        credentialSource: 'emulator test credentials',
        emulator: true,
        settings: { region: emulator.region },
      },
      provider,
      dispose: () => provider.dispose(),
    },
    close: () => emulator.close(),
  };
}
