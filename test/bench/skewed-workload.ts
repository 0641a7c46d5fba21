/** A pre-keyed change of the benchmark workloads. */
export interface PlannerChange {
  readonly entity?: string;
  readonly changeType: string;
}

/**
 * A deterministic skewed batch: `entities` entities whose popularity follows a Zipf-like law (a few hot
 * entities get most changes; `skew` is the exponent), three change types. Shared by the planner and scheduler benchmarks.
 */
export function skewedWorkload(changes: number, entities: number, skew = 0.9, seed = 42): PlannerChange[] {
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const weights = Array.from({ length: entities }, (_, rank) => 1 / (rank + 1) ** skew);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const weight of weights) {
    running += weight / total;
    cumulative.push(running);
  }
  const pick = () => {
    const target = random();
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const types = ['UpdateInformation', 'UpdateTargeting', 'UpdateLegalTerms'];
  return Array.from({ length: changes }, () => ({
    entity: `SaaSProduct@1.0/prod-${pick().toString().padStart(5, '0')}`,
    changeType: types[Math.floor(random() * types.length)]!,
  }));
}
