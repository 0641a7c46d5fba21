/** min / median / max / p95 of a list of samples, rounded for printing. */
export interface Stats {
  readonly runs: number;
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly p95: number;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function stats(samples: readonly number[], digits = 3): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    runs: sorted.length,
    min: round(sorted[0]!, digits),
    median: round(at(0.5), digits),
    max: round(sorted.at(-1)!, digits),
    p95: round(at(0.95), digits),
  };
}
