import { startMarketplaceEmulator, startRosEmulator } from '@changeplane/emulator';
import { type EmulatorSpeed, emulatorTimings } from '../runtime/emulator-timing.js';

export interface EmulatorsOptions {
  readonly rosPort: number;
  readonly marketplacePort: number;
  readonly host: string;
  readonly emulatorSpeed: EmulatorSpeed;
  readonly json?: boolean;
}

/**
 * `changeplane emulators`: runs both emulators until interrupted and prints how to point `apply`, `status`
 * and `cancel` (or any SDK client) at them.
 */
export async function emulatorsCommand(options: EmulatorsOptions): Promise<number> {
  const timing = emulatorTimings[options.emulatorSpeed];
  const ros = await startRosEmulator({ host: options.host, port: options.rosPort, timing: timing.ros });
  const marketplace = await startMarketplaceEmulator({
    host: options.host,
    port: options.marketplacePort,
    timing: timing.marketplace,
  });
  const environment = {
    CHANGEPLANE_ROS_ENDPOINT: `http://${ros.endpoint}`,
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
