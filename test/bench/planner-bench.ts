import { planChangeSets } from '@changeplane/core';
import { skewedWorkload } from './skewed-workload.js';

export interface PlannerBenchRow {
  readonly changes: number;
  readonly entities: number;
  readonly medianMs: number;
  readonly changesPerSecond: number;
  readonly sets: number;
  readonly lowerBoundSets: number;
  readonly levels: number;
  /** Time per change relative to the previous size: 1.0 means linear growth. */
  readonly growthVsPrevious?: number;
}

/** Planner throughput for 10k, 100k and 1M changes (median of a few runs after a warm-up). */
export function benchPlanner(sizes: readonly number[] = [10_000, 100_000, 1_000_000]): PlannerBenchRow[] {
  const rows: PlannerBenchRow[] = [];
  for (const size of sizes) {
    const entities = Math.max(300, Math.floor(size / 20));
    const changes = skewedWorkload(size, entities);
    planChangeSets(changes); // warm-up
    const runs = size >= 1_000_000 ? 3 : 7;
    const times: number[] = [];
    let plan = planChangeSets(changes)._unsafeUnwrap();
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      plan = planChangeSets(changes)._unsafeUnwrap();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const medianMs = times[Math.floor(times.length / 2)]!;
    const previous = rows.at(-1);
    rows.push({
      changes: size,
      entities,
      medianMs: Math.round(medianMs),
      changesPerSecond: Math.round(size / (medianMs / 1000)),
      sets: plan.sets.length,
      lowerBoundSets: Math.max(Math.ceil(size / 20), plan.levels),
      levels: plan.levels,
      ...(previous
        ? { growthVsPrevious: Number((medianMs / size / (previous.medianMs / previous.changes)).toFixed(2)) }
        : {}),
    });
  }
  return rows;
}
