import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Stats, stats } from './bench-stats.js';
import type { WorkloadName } from './planner-workloads.js';

export interface PlannerBenchRow {
  readonly workload: WorkloadName;
  readonly changes: number;
  /** Planner-only wall time per run (each in a fresh process, after one untimed run), ms. */
  readonly ms: Stats;
  readonly sets: number;
  /** max(ceil(n / 20), the longest chain one entity forces). */
  readonly setBound: number;
  readonly setRatio: number;
  readonly levels: number;
  readonly longestChain: number;
  /** Peak RSS growth over the process with the workload built, MiB, one per process. */
  readonly peakExtraMiB: Stats;
  readonly samplesMs: readonly number[];
}

const runner = fileURLToPath(new URL('./planner-run.ts', import.meta.url));

/** Each workload in `processes` fresh processes, an untimed run then `runsPerProcess` timed runs each. */
export function benchPlanner(
  workloads: readonly [WorkloadName, number][] = [
    ['zipf', 1_000_000],
    ['one-entity', 1_000_000],
    ['uniform', 1_000_000],
    ['reference-groups', 1_000_000],
  ],
  processes = 3,
  runsPerProcess = 1,
): PlannerBenchRow[] {
  return workloads.map(([workload, size]) => {
    const samples: number[] = [];
    const peaks: number[] = [];
    let last: { sets: number; levels: number; longestChain: number } | undefined;
    for (let process = 0; process < processes; process += 1) {
      const output = execFileSync(
        'node',
        [
          '--expose-gc',
          '--max-old-space-size=4096',
          '--import',
          'tsx',
          runner,
          workload,
          String(size),
          String(runsPerProcess),
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      const result = JSON.parse(output) as {
        times: number[];
        sets: number;
        levels: number;
        longestChain: number;
        firstRunPeakExtraMiB: number;
      };
      samples.push(...result.times);
      peaks.push(result.firstRunPeakExtraMiB);
      last = result;
    }
    const setBound = Math.max(Math.ceil(size / 20), last!.longestChain);
    return {
      workload,
      changes: size,
      ms: stats(samples, 0),
      sets: last!.sets,
      setBound,
      setRatio: Number((last!.sets / setBound).toFixed(3)),
      levels: last!.levels,
      longestChain: last!.longestChain,
      peakExtraMiB: stats(peaks, 0),
      samplesMs: samples.map((sample) => Math.round(sample)),
    };
  });
}
