/** One run a bot submits. */
export interface BenchRun {
  readonly tenant: string;
  readonly bot: string;
  readonly entity: string;
  readonly title: string;
}

/** A bot and the runs it submits, in order. */
export interface BenchBot {
  readonly name: string;
  readonly tenant: string;
  readonly runs: readonly BenchRun[];
}

/**
 * `tenants` x `botsPerTenant` bots submitting `runs` runs on `entities` entities whose popularity follows
 * Zipf's law with exponent `skew`: entity k (from 1) gets runs in proportion to 1/k^skew (largest remainder,
 * so the counts are exact and every entity gets some). The runs of each entity are dealt to the tenants in
 * turn, so that the tenants ask for equal work (up to one run per entity) and the fairness figure measures
 * the queue, not the draw; each tenant's runs are then shuffled and dealt to its bots in turn.
 */
export function serveBenchWorkload(
  runs: number,
  tenants: number,
  botsPerTenant: number,
  entities: number,
  skew: number,
  prefix: string,
): BenchBot[] {
  const counts = zipfCounts(runs, entities, skew);
  const perTenant: number[][] = Array.from({ length: tenants }, () => []);
  let dealt = 0;
  counts.forEach((count, rank) => {
    for (let index = 0; index < count; index += 1, dealt += 1) perTenant[dealt % tenants]!.push(rank);
  });
  const bots: BenchBot[] = [];
  perTenant.forEach((ranks, t) => {
    const tenant = `tenant-${t}`;
    const order = shuffled(ranks, 7 + t);
    for (let bot = 0; bot < botsPerTenant; bot += 1) {
      const name = `${tenant}-bot-${bot}`;
      const mine = order.filter((_, index) => index % botsPerTenant === bot);
      bots.push({
        name,
        tenant,
        runs: mine.map((rank, index) => ({
          tenant,
          bot: name,
          entity: `${prefix}-e${String(rank).padStart(2, '0')}`,
          title: `${name} run ${index}`,
        })),
      });
    }
  });
  return bots;
}

/** Runs per entity (rank order) under Zipf's law, summing exactly to `runs` (largest remainder). */
function zipfCounts(runs: number, entities: number, skew: number): number[] {
  const weights = Array.from({ length: entities }, (_, rank) => 1 / (rank + 1) ** skew);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (runs * weight) / total);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((value, rank) => ({ rank, rest: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.rest - a.rest);
  let missing = runs - counts.reduce((sum, count) => sum + count, 0);
  for (const { rank } of byRemainder) {
    if (missing-- <= 0) break;
    counts[rank]! += 1;
  }
  return counts;
}

/** A deterministic Fisher-Yates shuffle (mulberry32). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}
