// Both emulators in their own process for the overhead benchmark: prints their endpoints as one JSON line,
// then serves until stdin closes (the parent exits or ends it).
import { startMarketplaceEmulator, startRosEmulator } from '@changeplane/emulator';

const marketplace = await startMarketplaceEmulator({
  unknownEntities: 'create',
  timing: { preparingMs: 5, applyingMs: 5 },
  limits: { ratesPerSecond: false },
});
const ros = await startRosEmulator({ timing: { createMs: 0, executeMs: 0 } });
process.stdout.write(
  `${JSON.stringify({
    marketplace: { endpoint: marketplace.endpoint, region: marketplace.region, credentials: marketplace.credentials },
    ros: { endpoint: ros.endpoint, regionId: ros.regionId, credentials: ros.credentials },
  })}\n`,
);
process.stdin.resume();
process.stdin.on('end', async () => {
  await Promise.all([marketplace.close(), ros.close()]);
  process.exit(0);
});
