import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { benchServeOnce } from './serve-bench.js';

type ServeBenchRun = Awaited<ReturnType<typeof benchServeOnce>>;

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

/** The run's figures as one table, each beside its goal (issue 19, "Measured"). */
export function printServeBench(run: ServeBenchRun): void {
  const { correctness, makespan, handoffMs, postRunsMs, fairness } = run;
  const p = (figure: { p50: number; p99: number; n: number }) =>
    `p50 ${figure.p50} / p99 ${figure.p99} (n ${figure.n})`;
  console.log(
    `\n7. Bot host: ${run.runsSubmitted} runs, ${run.options.tenants} tenants x ${run.options.botsPerTenant} bots, ${run.options.entities} entities (Zipf s=${run.options.skew}), ${run.options.servers} servers x concurrency ${run.options.concurrencyPerServer}${run.finishedWithinBudget ? '' : ' (budget ran out: figures as they stood)'}`,
  );
  console.table({
    'duplicate changes (emulator listing)': {
      measured: correctness.duplicates,
      goal: `0: ${verdict(correctness.duplicates === 0)}`,
    },
    'lost changes (emulator listing) vs submitted / vs succeeded runs': {
      measured: `${correctness.lost} / ${correctness.againstSucceededRuns.lost}`,
      goal: `0 (vs succeeded runs): ${verdict(correctness.againstSucceededRuns.lost === 0)}`,
    },
    'provider 423s (task-failed events)': {
      measured: correctness.provider423s,
      goal: `0: ${verdict(correctness.provider423s === 0)}`,
    },
    'run states': { measured: JSON.stringify(correctness.runStates), goal: '' },
    'makespan s': { measured: makespan.makespanS, goal: `bound ${makespan.boundS} s` },
    'makespan / lower bound': {
      measured: makespan.ratioToBound,
      goal: `<= 1.10: ${verdict(makespan.ratioToBound <= 1.1)}`,
    },
    'mean change set / run ms': { measured: `${makespan.meanChangeSetMs} / ${makespan.meanRunMs}`, goal: '' },
    'hand-off release -> claim ms': { measured: p(handoffMs.releaseToClaim), goal: '' },
    'hand-off release -> first provider call ms': {
      measured: p(handoffMs.releaseToFirstProviderCall),
      goal: `p99 < 50: ${verdict(handoffMs.releaseToFirstProviderCall.p99 < 50)}`,
    },
    'direct hand-off (first claim after the release) -> claim / first provider call ms': {
      measured: `${p(handoffMs.directReleaseToClaim)}; ${p(handoffMs.directReleaseToFirstProviderCall)}`,
      goal: `p99 < 50: ${verdict(handoffMs.directReleaseToFirstProviderCall.p99 < 50)}`,
    },
    'hand-off release -> StartChangeSet answered ms': {
      measured: p(handoffMs.releaseToStartChangeSetAnswered),
      goal: '',
    },
    'POST /v1/runs ms': { measured: p(postRunsMs), goal: `p99 < 50: ${verdict(postRunsMs.p99 < 50)}` },
    "Jain's index (windows min / median, whole span)": {
      measured: `${fairness.jainMin} / ${fairness.jainMedian}, ${fairness.jainWholeSpan} (${fairness.windows} windows, ${fairness.backloggedSpanS} s)`,
      goal: `>= 0.95: ${verdict(fairness.jainMin >= 0.95)}`,
    },
  });
}

/** Appends the run to reports/bench-serve.json (every run is kept) and answers what was written. */
export function writeServeBench(run: ServeBenchRun): unknown {
  const file = process.env.SERVE_BENCH_RESULTS ?? 'reports/bench-serve.json';
  mkdirSync('reports', { recursive: true });
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { history?: unknown[] }) : {};
  const history = [
    ...(Array.isArray(previous.history) ? previous.history : []),
    { at: new Date().toISOString(), ...run },
  ];
  writeFileSync(file, `${JSON.stringify({ latest: history.at(-1), history }, null, 2)}\n`);
  console.log(`written to ${file} (${history.length} runs kept)`);
  return history.at(-1);
}
