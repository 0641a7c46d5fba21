// `changeplane-emulator`: runs both emulators until interrupted and prints their endpoints and the
// emulator-only credentials they accept.
import { parseArgs } from 'node:util';
import { startMarketplaceEmulator } from './marketplace/marketplace-emulator.js';
import { startRosEmulator } from './ros/ros-emulator.js';

const usage = `Usage: changeplane-emulator [--host <address>] [--ros-port <port>] [--marketplace-port <port>]

Runs the Alibaba Cloud ROS and AWS Marketplace Catalog emulators until Ctrl-C, and prints their
endpoints and the emulator-only credentials they accept.

  --host <address>          address to listen on (default 127.0.0.1)
  --ros-port <port>         ROS emulator port, 0-65535 (default 0: any free port)
  --marketplace-port <port> Marketplace emulator port, 0-65535 (default 0: any free port)
  -h, --help                this text
`;

function fail(message: string): never {
  process.stderr.write(`changeplane-emulator: ${message}\n\n${usage}`);
  process.exit(2);
}

function port(value: string, name: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65_535) fail(`--${name} must be a port number from 0 to 65535, not ${value}`);
  return parsed;
}

let values: { host: string; 'ros-port': string; 'marketplace-port': string; help?: boolean };
try {
  values = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      'ros-port': { type: 'string', default: '0' },
      'marketplace-port': { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values as typeof values;
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const rosPort = port(values['ros-port'], 'ros-port');
const marketplacePort = port(values['marketplace-port'], 'marketplace-port');

try {
  const ros = await startRosEmulator({
    host: values.host,
    port: rosPort,
    timing: { createMs: 1_200, executeMs: 2_500 },
  });
  const marketplace = await startMarketplaceEmulator({
    host: values.host,
    port: marketplacePort,
    timing: { preparingMs: 800, applyingMs: 1_600 },
    // No seed here: a change naming an unknown entity makes it, as `changeplane emulators` without --seed.
    unknownEntities: 'create',
  });
  process.stdout.write(
    [
      `ROS emulator:         ${ros.endpoint}  (SDK endpoint '${new URL(ros.endpoint).host}', protocol 'http')`,
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
} catch (error) {
  // A port in use or an address that cannot be bound: say which, without a stack trace.
  process.stderr.write(`changeplane-emulator: cannot listen: ${(error as Error).message}\n`);
  process.exit(1);
}
