// `pnpm bench [planner] [scheduler] [overhead] [startup] [locks] [claim] [serve]`: each figure beside its goal, from several runs
// (min/median/max, p95 where it applies); bench-results.json keeps every run. A benchmark, not a test.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { benchAdapterOverhead } from './adapter-overhead-bench.js';
import { stats } from './bench-stats.js';
import { benchCliStartup } from './cli-startup-bench.js';
import { benchLocks } from './lock-bench.js';
import { benchLockClaim } from './lock-claim-bench.js';
import { benchPlanner } from './planner-bench.js';
import { benchSchedulerOnce, type SchedulerBenchRun } from './scheduler-bench.js';
import { benchServeOnce } from './serve-bench.js';
import { printServeBench, writeServeBench } from './serve-bench-report.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadAverageAtStart: loadavg(),
};
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

if (want('planner')) {
  const rows = benchPlanner();
  console.log(
    '\n1. Planner (planner only, 3 fresh processes, an untimed run, then one timed run on a freshly parsed batch (as a plan file gives it); peak RSS growth of the first run)',
  );
  console.table(
    rows.map((row) => ({
      workload: row.workload,
      changes: row.changes,
      'ms min/med/max': `${row.ms.min}/${row.ms.median}/${row.ms.max}`,
      sets: row.sets,
      'set bound': row.setBound,
      'sets/bound': row.setRatio,
      levels: row.levels,
      'longest chain': row.longestChain,
      'peak MiB min/med/max': `${row.peakExtraMiB.min}/${row.peakExtraMiB.median}/${row.peakExtraMiB.max}`,
    })),
  );
  const zipf = rows.find((row) => row.workload === 'zipf' && row.changes === 1_000_000);
  const oneEntity = rows.find((row) => row.workload === 'one-entity');
  const goals = {
    'zipf 1M median < 1000 ms': zipf ? `${zipf.ms.median} ms: ${verdict(zipf.ms.median < 1_000)}` : 'not run',
    'sets <= 1.10 x bound (every workload)': `${Math.max(...rows.map((row) => row.setRatio))}: ${verdict(rows.every((row) => row.setRatio <= 1.1))}`,
    // Reference groups chain entities together, so their depth can exceed any one entity's chain.
    'levels = longest entity chain (workloads without groups)': verdict(
      rows.every((row) => row.workload === 'reference-groups' || row.levels <= row.longestChain),
    ),
    'peak extra < 300 MiB (1M on one entity)': oneEntity
      ? `${oneEntity.peakExtraMiB.max} MiB max: ${verdict(oneEntity.peakExtraMiB.max < 300)}`
      : 'not run',
  };
  console.table(goals);
  results.planner = { rows, goals };
}
if (want('scheduler')) {
  const runs: SchedulerBenchRun[] = [];
  for (let run = 0; run < 3; run += 1) runs.push(await benchSchedulerOnce());
  const ratio = stats(runs.map((run) => run.ratio));
  console.log(
    '\n2. Scheduler makespan, Marketplace emulator, adapter defaults (3 runs; the bound is scheduleLowerBound, boundGroup the sets that set it; heardLateMs: StartChangeSet answered -> waitUntilSettled answered, less the set duration, median/p95)',
  );
  console.table(runs);
  const goals = {
    'makespan <= 1.05 x tight lower bound': `${ratio.min}/${ratio.median}/${ratio.max} (min/med/max): ${verdict(ratio.median <= 1.05)}`,
    'DescribeChangeSet per set (reported)': stats(
      runs.map((run) => run.describesPerSet),
      2,
    ),
    'ListChangeSets per set (reported)': stats(
      runs.map((run) => run.listsPerSet),
      2,
    ),
  };
  console.table(goals);
  results.scheduler = { runs, ratio, goals };
}
if (want('overhead')) {
  const rows = await benchAdapterOverhead();
  console.log('\n3. Adapter overhead: create+start via adapter / raw SDK, emulator in another process, alternated');
  for (const row of rows) console.table(row.runs.map((run) => ({ provider: row.provider, ...run })));
  console.table(
    Object.fromEntries(
      rows.map((row) => [
        `${row.provider} <= 1.03x`,
        `median ratio ${row.medianRatio.min}/${row.medianRatio.median}/${row.medianRatio.max}, p95 ratio ${row.p95Ratio.min}/${row.p95Ratio.median}/${row.p95Ratio.max}: ${verdict(row.medianRatio.median <= 1.03)}`,
      ]),
    ),
  );
  results.overhead = { rows, goal: 'median ratio <= 1.03' };
}
if (want('startup')) {
  const rows = benchCliStartup();
  const help = rows.find((row) => row.command === 'changeplane --help')!;
  console.log('\n4. CLI start-up, alternated with bare node (min/median/p95/max over the runs)');
  console.table(rows);
  const goals = {
    '--help <= 2x bare node -e 0': `${help.ratioToBareNode}x: ${verdict(help.ratioToBareNode <= 2)}`,
    '--help < 150 ms': `${help.medianMs} ms median: ${verdict(help.medianMs < 150)}`,
  };
  console.table(goals);
  results.startup = { rows, goals };
}
if (want('locks')) {
  const locks = await benchLocks();
  console.log('\n5. Lock acquire + release through PostgreSQL');
  console.table([locks]);
  const goals = { 'median low single-digit ms (< 5)': `${locks.medianMs} ms: ${verdict(locks.medianMs < 5)}` };
  console.table(goals);
  results.locks = { ...locks, goals };
}
if (want('claim')) {
  const rows = await benchLockClaim();
  console.log(
    '\n6. Bot host queue: claim of a run with all its locks (one statement, one transaction) and its release, through PostgreSQL',
  );
  console.table(
    rows.map((row) => ({
      queue: row.queue,
      'locks/run': row.locksPerRun,
      runs: row.claimMs.runs,
      'claim ms min/med/p95/max': `${row.claimMs.min}/${row.claimMs.median}/${row.claimMs.p95}/${row.claimMs.max}`,
      'claim+release ms min/med/p95/max': `${row.claimAndReleaseMs.min}/${row.claimAndReleaseMs.median}/${row.claimAndReleaseMs.p95}/${row.claimAndReleaseMs.max}`,
    })),
  );
  const empty = rows[0]!;
  const goals = {
    'claim+release median < 8 ms (today: one upsert per lease, 8 ms median per acquire+release)': `${empty.claimAndReleaseMs.median} ms: ${verdict(empty.claimAndReleaseMs.median < 8)}`,
  };
  console.table(goals);
  results.claim = { rows, goals };
}
if (only.includes('serve')) {
  // Only when named: it takes minutes (two servers, 1,000 runs); reports/bench-serve.json keeps every run.
  const run = await benchServeOnce();
  printServeBench(run);
  results.serve = writeServeBench(run);
}
results.loadAverageAtEnd = loadavg();
// Every run is kept: this one is appended to the file's history, and its sections are the latest ones.
const file = process.env.BENCH_RESULTS ?? 'bench-results.json';
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { history?: unknown[] }) : {};
const history = [...(Array.isArray(previous.history) ? previous.history : []), results];
writeFileSync(file, `${JSON.stringify({ ...previous, ...results, history }, null, 2)}\n`);
console.log(
  `\nwritten to bench-results.json (load average at start ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}; machine shared)`,
);
