// The figures of `pnpm bench serve`, computed from what the host and the emulator report. Pure functions.

/** The value at quantile `q` (0..1) of the samples, nearest rank; NaN when there are none. */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** p50 / p99 / max of latencies in ms, rounded to 0.1 ms, and how many there were. */
export function latency(samples: readonly number[]): { n: number; p50: number; p99: number; max: number } {
  return {
    n: samples.length,
    p50: round(quantile(samples, 0.5)),
    p99: round(quantile(samples, 0.99)),
    max: round(quantile(samples, 1)),
  };
}

/** Jain's fairness index of shares: 1 when all are equal, 1/n when one takes everything. */
export function jainIndex(shares: readonly number[]): number {
  const sum = shares.reduce((total, share) => total + share, 0);
  const squares = shares.reduce((total, share) => total + share * share, 0);
  return squares === 0 ? 1 : (sum * sum) / (shares.length * squares);
}

/**
 * The makespan's lower bound as the brief defines it: the larger of the busiest entity's runs times the mean
 * change-set duration (its runs cannot overlap) and the total work over the fleet's concurrency.
 */
export function makespanLowerBound(
  runsPerEntity: readonly number[],
  meanChangeSetMs: number,
  concurrency: number,
): { busiestEntityMs: number; workOverConcurrencyMs: number; boundMs: number } {
  const busiestEntityMs = Math.max(...runsPerEntity) * meanChangeSetMs;
  const total = runsPerEntity.reduce((sum, runs) => sum + runs, 0);
  const workOverConcurrencyMs = (total * meanChangeSetMs) / concurrency;
  return { busiestEntityMs, workOverConcurrencyMs, boundMs: Math.max(busiestEntityMs, workOverConcurrencyMs) };
}

/** One finished run, as the fairness measure needs it. */
export interface Completion {
  readonly tenant: string;
  readonly finishedAt: number;
}

/**
 * Jain's index of the tenants' completed shares over consecutive windows of `windowSize` completions that
 * end inside [from, to] (the span while every tenant had runs waiting).
 */
export function windowedFairness(
  completions: readonly Completion[],
  tenants: readonly string[],
  from: number,
  to: number,
  windowSize: number,
): number[] {
  const inside = completions
    .filter((completion) => completion.finishedAt >= from && completion.finishedAt <= to)
    .sort((a, b) => a.finishedAt - b.finishedAt);
  const indexes: number[] = [];
  for (let start = 0; start + windowSize <= inside.length; start += windowSize) {
    const counts = new Map(tenants.map((tenant) => [tenant, 0]));
    for (const completion of inside.slice(start, start + windowSize))
      counts.set(completion.tenant, (counts.get(completion.tenant) ?? 0) + 1);
    indexes.push(jainIndex([...counts.values()]));
  }
  return indexes;
}

/**
 * Duplicates and losses per entity, from the provider's listing: succeeded change sets beyond the runs
 * submitted on the entity are duplicates, runs without one are lost.
 */
export function countDuplicatesAndLosses(
  submittedPerEntity: ReadonlyMap<string, number>,
  succeededPerEntity: ReadonlyMap<string, number>,
): { duplicates: number; lost: number } {
  let duplicates = 0;
  let lost = 0;
  for (const entity of new Set([...submittedPerEntity.keys(), ...succeededPerEntity.keys()])) {
    const difference = (succeededPerEntity.get(entity) ?? 0) - (submittedPerEntity.get(entity) ?? 0);
    if (difference > 0) duplicates += difference;
    else lost -= difference;
  }
  return { duplicates, lost };
}
