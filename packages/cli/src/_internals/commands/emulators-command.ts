import type { EmulatorSpeed } from '@changeplane/core';

export interface EmulatorsOptions {
  readonly rosPort: number;
  readonly marketplacePort: number;
  readonly host: string;
  readonly emulatorSpeed: EmulatorSpeed;
  readonly json?: boolean;
}

const timings = {
  demo: { ros: { createMs: 1_200, executeMs: 2_500 }, marketplace: { preparingMs: 800, applyingMs: 1_600 } },
  slow: { ros: { createMs: 3_000, executeMs: 10_000 }, marketplace: { preparingMs: 10_000, applyingMs: 10_000 } },
  fast: { ros: { createMs: 60, executeMs: 120 }, marketplace: { preparingMs: 60, applyingMs: 120 } },
} as const;

/**
 * `changeplane emulators`: runs both emulators until interrupted and prints how to point `apply`, `status`
 * and `cancel` (or any SDK client) at them.
 */
export async function emulatorsCommand(options: EmulatorsOptions): Promise<number> {
  const { startMarketplaceEmulator, startRosEmulator } = await import('@changeplane/emulator');
  const timing = timings[options.emulatorSpeed];
  const ros = await startRosEmulator({ host: options.host, port: options.rosPort, timing: timing.ros });
  const marketplace = await startMarketplaceEmulator({
    host: options.host,
    port: options.marketplacePort,
    timing: timing.marketplace,
  });
  const environment = {
    CHANGEPLANE_ROS_ENDPOINT: ros.endpoint,
    ALIBABA_CLOUD_ACCESS_KEY_ID: ros.credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: ros.credentials.accessKeySecret,
    CHANGEPLANE_MARKETPLACE_ENDPOINT: marketplace.endpoint,
    AWS_ACCESS_KEY_ID: marketplace.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: marketplace.credentials.secretAccessKey,
  };
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
  await Promise.all([ros.close(), marketplace.close()]);
  return 0;
}
