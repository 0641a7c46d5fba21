// `pnpm soak [crash] [many-bots] [lease-loss] [serve]`: the library-level proofs of issue 10 against PostgreSQL
// (CHANGEPLANE_STORE, else the machine's server) and the Marketplace emulator. Soak runs, not timed tests.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { crashSoak } from './crash-soak.js';
import { leaseLoss } from './lease-loss.js';
import { manyBots } from './many-bots.js';
import { serveSoak } from './serve-soak.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
let failures = 0;
if (want('crash')) {
  const plans = Number(process.env.CRASH_SOAK_PLANS ?? 50);
  const result = await crashSoak(plans);
  console.log(
    `\nCrash soak: ${plans} plans (2 ROS stacks, 200 Marketplace changes), each SIGKILLed at random instants and re-run`,
  );
  console.table(result.rows);
  const total = (key: 'kills' | 'duplicateChanges' | 'lostChanges') =>
    result.rows.reduce((sum, row) => sum + row[key], 0);
  console.log(
    `kills ${total('kills')}, duplicate changes ${total('duplicateChanges')}, lost changes ${total('lostChanges')}`,
  );
  failures += result.failures;
}
if (want('many-bots')) {
  const result = await manyBots();
  console.log('\nMany bots: 5 processes x 20 concurrent runs, 8 overlapping entities, one PostgreSQL, one emulator');
  console.table(result.rows);
  console.log('wall time per round (s):', result.seconds);
  failures += result.failures;
}
if (want('lease-loss')) {
  const result = await leaseLoss();
  console.log(
    '\nLease loss: bot paused (SIGSTOP) 3 s past its 1 s lease, another holder takes the entity, bot resumed',
  );
  console.table(result.rows);
  failures += result.failures;
}
if (only.includes('serve')) {
  // Only when named: two servers, kill -9 every 10 s for 2 minutes, one PostgreSQL restart (an embedded one).
  const result = await serveSoak();
  console.log('\nServe soak: 2 servers, one SIGKILLed and restarted every 10 s for 2 min, one PostgreSQL restart');
  console.log(JSON.stringify(result, null, 2));
  const ok =
    result.terminal === result.submitted &&
    result.againstSubmitted.duplicates === 0 &&
    result.againstSubmitted.lost === 0 &&
    !(result.adoptionMs.max >= 30_000) &&
    result.locksHeldAtEnd === 0;
  if (!ok) failures += 1;
  mkdirSync('reports', { recursive: true });
  const file = 'reports/soak-serve.json';
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { history?: unknown[] }) : {};
  const history = [...(previous.history ?? []), { at: new Date().toISOString(), ...result }];
  writeFileSync(file, `${JSON.stringify({ latest: history.at(-1), history }, null, 2)}\n`);
}
console.log(failures === 0 ? '\nsoak: PASS' : `\nsoak: FAIL (${failures} rounds)`);
process.exitCode = failures === 0 ? 0 : 1;
