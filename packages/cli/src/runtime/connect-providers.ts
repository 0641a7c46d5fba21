import { type AwsMarketplaceProviderOptions, awsMarketplaceModule } from '@changeplane/aws-marketplace';
import { ChangeSetRegistry, createChangeSetContainer } from '@changeplane/core';
import { startMarketplaceEmulator, startRosEmulator } from '@changeplane/emulator';
import { type RosProviderOptions, rosModule } from '@changeplane/ros';
import { type EmulatorSpeed, emulatorTimings } from './emulator-timing.js';

export interface ConnectOptions {
  readonly regionId: string;
  readonly awsRegion: string;
  /** Endpoints from the command line; environment variables are read when these are absent. */
  readonly rosEndpoint?: string;
  readonly marketplaceEndpoint?: string;
  /** Use the embedded emulators even when credentials are configured. */
  readonly useEmulators?: boolean;
  readonly emulatorSpeed: EmulatorSpeed;
  readonly env: NodeJS.ProcessEnv;
}

export interface ProviderConnection {
  readonly registry: ChangeSetRegistry;
  readonly mode: 'emulators' | 'endpoints';
  /** What each provider talks to, for the run's header (never credentials). */
  readonly endpoints: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * Wires both adapters. A provider with neither an endpoint nor credentials configured talks to an
 * embedded emulator started here (and stopped by `close`), so the command runs anywhere.
 */
export async function connectProviders(options: ConnectOptions): Promise<ProviderConnection> {
  const { env } = options;
  const closers: (() => Promise<void>)[] = [];
  const endpoints: Record<string, string> = {};
  let usedEmulator = false;

  const rosEndpoint = options.rosEndpoint ?? env.CHANGEPLANE_ROS_ENDPOINT;
  const rosConfigured = rosEndpoint !== undefined || env.ALIBABA_CLOUD_ACCESS_KEY_ID !== undefined;
  let rosOptions: RosProviderOptions;
  if (!options.useEmulators && rosConfigured) {
    const url = rosEndpoint ? new URL(rosEndpoint.includes('://') ? rosEndpoint : `https://${rosEndpoint}`) : undefined;
    rosOptions = {
      regionId: options.regionId,
      ...(url ? { endpoint: url.host, protocol: url.protocol.replace(':', '') as 'http' | 'https' } : {}),
      ...(env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALIBABA_CLOUD_ACCESS_KEY_SECRET
        ? {
            credentials: {
              accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID,
              accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
              securityToken: env.ALIBABA_CLOUD_SECURITY_TOKEN,
            },
          }
        : {}),
    };
    endpoints['alibaba-ros'] = url ? url.origin : `ros.${options.regionId}.aliyuncs.com`;
  } else {
    const emulator = await startRosEmulator({ timing: emulatorTimings[options.emulatorSpeed].ros });
    closers.push(() => emulator.close());
    usedEmulator = true;
    rosOptions = {
      regionId: options.regionId,
      endpoint: emulator.endpoint,
      protocol: 'http',
      credentials: emulator.credentials,
    };
    endpoints['alibaba-ros'] = `http://${emulator.endpoint} (emulator)`;
  }

  const marketplaceEndpoint = options.marketplaceEndpoint ?? env.CHANGEPLANE_MARKETPLACE_ENDPOINT;
  const awsConfigured =
    marketplaceEndpoint !== undefined || env.AWS_ACCESS_KEY_ID !== undefined || env.AWS_PROFILE !== undefined;
  let awsOptions: AwsMarketplaceProviderOptions;
  if (!options.useEmulators && awsConfigured) {
    awsOptions = {
      region: options.awsRegion,
      ...(marketplaceEndpoint ? { endpoint: marketplaceEndpoint } : {}),
    };
    endpoints['aws-marketplace'] = marketplaceEndpoint ?? `catalog.marketplace.${options.awsRegion}.amazonaws.com`;
  } else {
    const emulator = await startMarketplaceEmulator({ timing: emulatorTimings[options.emulatorSpeed].marketplace });
    closers.push(() => emulator.close());
    usedEmulator = true;
    awsOptions = { region: emulator.region, endpoint: emulator.endpoint, credentials: emulator.credentials };
    endpoints['aws-marketplace'] = `${emulator.endpoint} (emulator)`;
  }

  const container = createChangeSetContainer(rosModule(rosOptions), awsMarketplaceModule(awsOptions));
  const registry = container.get(ChangeSetRegistry);
  return {
    registry,
    mode: usedEmulator ? 'emulators' : 'endpoints',
    endpoints,
    close: async () => {
      for (const provider of registry.ids()) {
        const resolved = registry.get(provider);
        if (resolved.isOk()) await (resolved.value as { dispose?: () => Promise<void> | void }).dispose?.();
      }
      await Promise.all(closers.map((close) => close()));
    },
  };
}
