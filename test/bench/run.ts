// `pnpm bench`: planner throughput, scheduler makespan on the emulator, adapter overhead, PostgreSQL locks. Prints tables and
// writes bench-results.json. A benchmark, not a test: it reports numbers against the targets.
import { writeFileSync } from 'node:fs';
import { benchAdapterOverhead } from './adapter-overhead-bench.js';
import { benchCliStartup } from './cli-startup-bench.js';
import { benchLocks } from './lock-bench.js';
import { benchPlanner } from './planner-bench.js';
import { benchScheduler } from './scheduler-bench.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };

if (want('planner')) {
  const planner = benchPlanner();
  console.log('\n1. Planner throughput (target: 1M changes in under 2 s)');
  console.table(planner);
  const million = planner.find((row) => row.changes === 1_000_000);
  results.planner = { rows: planner, target: '1M < 2000 ms', met: million ? million.medianMs < 2_000 : undefined };
}
if (want('scheduler')) {
  const scheduler = await benchScheduler();
  console.log('\n2. Scheduler makespan on the Marketplace emulator (target: within 1.15x of the lower bound)');
  console.table([scheduler]);
  results.scheduler = { ...scheduler, target: 'ratio <= 1.15', met: scheduler.ratio <= 1.15 };
}
if (want('overhead')) {
  const overhead = await benchAdapterOverhead();
  console.log('\n3. Adapter overhead: adapter create+start / raw SDK calls (target: under 1.10x)');
  console.table(overhead);
  results.overhead = { rows: overhead, target: 'ratio < 1.10', met: overhead.every((row) => row.ratio < 1.1) };
}
if (want('startup')) {
  const startup = benchCliStartup();
  const help = startup.find((row) => row.command === 'changeplane --help')!;
  console.log('\n4. CLI start-up (goal: --help within 2x of bare node -e 0, under 150 ms)');
  console.table(startup);
  results.startup = {
    rows: startup,
    goal: 'help <= 2x bare node, < 150 ms',
    met: help.ratioToBareNode <= 2 && help.medianMs < 150,
  };
}
if (want('locks')) {
  const locks = await benchLocks();
  console.log('\n5. Lock acquire + release through PostgreSQL (target: low single-digit milliseconds on loopback)');
  console.table([locks]);
  results.locks = { ...locks, target: 'median < 5 ms', met: locks.medianMs < 5 };
}
writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten to bench-results.json');
