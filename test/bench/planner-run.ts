// One planner measurement in a fresh process (`node --expose-gc --import tsx planner-run.ts <workload> <size> <runs>`):
// wall time of each run on a freshly built batch, and peak extra memory (max RSS during the runs minus the RSS with the workload built).
import { planChangeSets } from '@changeplane/core';
import { valueOrThrow } from '../support/value-or-throw.js';
import { type BenchChange, benchPolicy, plannerWorkload, type WorkloadName } from './planner-workloads.js';

const [name, sizeText, runsText] = process.argv.slice(2);
const size = Number(sizeText);
// A batch as a plan file gives it: parsed from text, so every key is a flat string of its own, hash not yet known.
const freshBatch = (): BenchChange[] => JSON.parse(JSON.stringify(plannerWorkload(name as WorkloadName, size)));
// The first batch is built directly, so the peak-memory reading is not raised by a parse's text.
let changes = plannerWorkload(name as WorkloadName, size);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const baseline = process.memoryUsage().rss;
const beforeMaxRss = process.resourceUsage().maxRSS * 1024;
const times: number[] = [];
// The untimed run warms the JIT and gives the peak memory; each timed run then plans a freshly built batch,
// as a process planning a plan file it has just read does.
let plan = valueOrThrow(planChangeSets(changes, benchPolicy), 'planning');
const peakExtraBytes = process.resourceUsage().maxRSS * 1024 - Math.max(baseline, 0);
for (let run = 0; run < Number(runsText); run += 1) {
  plan = undefined as never;
  changes = undefined as never;
  gc?.();
  changes = freshBatch();
  gc?.();
  const started = performance.now();
  plan = valueOrThrow(planChangeSets(changes, benchPolicy), 'planning');
  times.push(performance.now() - started);
}
// Longest chain one entity forces on its own (a repeated change type or a full set starts a new link).
const chains = new Map<string, { level: number; types: Set<string> }>();
let longestChain = 0;
for (const change of changes) {
  if (change.entity === undefined) continue;
  let chain = chains.get(change.entity);
  if (!chain) {
    chain = { level: 0, types: new Set() };
    chains.set(change.entity, chain);
  } else if (chain.types.has(change.changeType) || chain.types.size === 20) {
    chain.level += 1;
    chain.types = new Set();
  }
  chain.types.add(change.changeType);
  longestChain = Math.max(longestChain, chain.level + 1);
}
process.stdout.write(
  JSON.stringify({
    times,
    sets: plan.sets.length,
    levels: plan.levels,
    longestChain,
    firstRunPeakExtraMiB: Math.max(0, peakExtraBytes) / 2 ** 20,
    maxRssBeforeMiB: beforeMaxRss / 2 ** 20,
  }),
);
