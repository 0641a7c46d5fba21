import type { RunReporter } from '../output/run-reporter.js';
import { connectProviders, type ProviderConnection } from '../runtime/connect-providers.js';
import type { RunState } from '../state/run-state.js';
import type { CommonOptions } from './common-options.js';

/**
 * Connects to the providers the last run used. A run on the embedded emulators cannot be reached again:
 * they stopped with it (the reporter is told why).
 */
export async function reconnect(
  state: RunState,
  options: CommonOptions,
  reporter: RunReporter,
): Promise<ProviderConnection | undefined> {
  if (state.mode === 'emulators' && !options.rosEndpoint && !options.marketplaceEndpoint) {
    reporter.emit({
      type: 'notice',
      message:
        'the last run used the embedded emulators, which stopped with it; start `changeplane emulators` and pass its endpoints to apply, status and cancel',
    });
    return undefined;
  }
  return connectProviders({
    regionId: state.connection.regionId,
    awsRegion: state.connection.awsRegion,
    ...((options.rosEndpoint ?? state.connection.rosEndpoint)
      ? { rosEndpoint: options.rosEndpoint ?? state.connection.rosEndpoint }
      : {}),
    ...((options.marketplaceEndpoint ?? state.connection.marketplaceEndpoint)
      ? { marketplaceEndpoint: options.marketplaceEndpoint ?? state.connection.marketplaceEndpoint }
      : {}),
    emulatorSpeed: options.emulatorSpeed,
    env: process.env,
  });
}
