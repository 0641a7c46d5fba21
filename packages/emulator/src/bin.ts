// `changeplane-emulator`: runs both emulators until interrupted and prints their endpoints and the
// emulator-only credentials they accept. Options: --ros-port N, --marketplace-port N, --host H.
import { parseArgs } from 'node:util';
import { startMarketplaceEmulator } from './marketplace/marketplace-emulator.js';
import { startRosEmulator } from './ros/ros-emulator.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    'ros-port': { type: 'string', default: '0' },
    'marketplace-port': { type: 'string', default: '0' },
  },
});
const ros = await startRosEmulator({
  host: values.host,
  port: Number(values['ros-port']),
  timing: { createMs: 1_200, executeMs: 2_500 },
});
const marketplace = await startMarketplaceEmulator({
  host: values.host,
  port: Number(values['marketplace-port']),
  timing: { preparingMs: 800, applyingMs: 1_600 },
});
process.stdout.write(
  [
    `ROS emulator:         http://${ros.endpoint}  (SDK endpoint '${ros.endpoint}', protocol 'http')`,
    `  access key:         ${ros.credentials.accessKeyId} / ${ros.credentials.accessKeySecret}`,
    `Marketplace emulator: ${marketplace.endpoint}`,
    `  access key:         ${marketplace.credentials.accessKeyId} / ${marketplace.credentials.secretAccessKey}`,
    'These are emulator-only test credentials. Ctrl-C stops both.',
    '',
  ].join('\n'),
);
const stop = async () => {
  await Promise.all([ros.close(), marketplace.close()]);
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
