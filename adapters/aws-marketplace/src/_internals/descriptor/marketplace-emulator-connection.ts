import type {
  EmulatorSpeed,
  EmulatorStartOptions,
  EmulatorWiring,
  MissingPackageError,
  RunningEmulator,
} from '@changeplane/core/adapter';
import { startEmulatorConnection } from '@changeplane/core/adapter';
import type { MarketplaceSeed } from '@changeplane/emulator';
import type { Result } from 'neverthrow';
import { AwsMarketplaceProvider } from '../../aws-marketplace-provider.js';
import type { MarketplaceChangeSetRequest } from '../../marketplace-change-set-request.js';

/** Starts the embedded Marketplace emulator (an optional peer dependency) and connects a provider to it. */
export function startMarketplaceEmulatorConnection(
  speed: EmulatorSpeed,
  options: EmulatorStartOptions = {},
): Promise<Result<RunningEmulator<MarketplaceChangeSetRequest>, MissingPackageError>> {
  return startEmulatorConnection(
    {
      // With a seed, only its entities exist, as in the service; without one (the demo, a quick try) a change
      // naming an unknown entity makes it, so any plan runs.
      start: async ({ seed, ...listen }) =>
        (await import('@changeplane/emulator')).startMarketplaceEmulator({
          ...listen,
          timing: paceOf[speed],
          ...(seed === undefined ? { unknownEntities: 'create' } : { seed: seed as MarketplaceSeed }),
        }),
      wire: (emulator, { lockStore }): EmulatorWiring<MarketplaceChangeSetRequest> => ({
        provider: AwsMarketplaceProvider.fromOptions({
          ...(lockStore ? { lockStore } : {}),
          region: emulator.region,
          endpoint: emulator.endpoint,
          credentials: emulator.credentials,
        }),
        settings: { region: emulator.region },
        environment: {
          CHANGEPLANE_MARKETPLACE_ENDPOINT: emulator.endpoint,
          AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
        },
      }),
    },
    options,
  );
}

// `slow` keeps a change set in PREPARING long enough to cancel it by hand (CancelChangeSet works only then).
const paceOf: Readonly<Record<EmulatorSpeed, { preparingMs: number; applyingMs: number }>> = {
  demo: { preparingMs: 800, applyingMs: 1_600 },
  fast: { preparingMs: 60, applyingMs: 120 },
  slow: { preparingMs: 10_000, applyingMs: 10_000 },
};
