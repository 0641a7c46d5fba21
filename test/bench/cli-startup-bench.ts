import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const binary = fileURLToPath(new URL('../../packages/cli/bin/changeplane.js', import.meta.url));

export interface StartupRow {
  readonly command: string;
  readonly runs: number;
  readonly minMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Median against bare `node -e 0`, measured in the same alternation. */
  readonly ratioToBareNode: number;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function timeOnce(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Start-up of `changeplane --help` and `--version` against bare Node: the three alternate run by run, so
 * a busy moment of the machine weighs on all of them alike.
 */
export function benchCliStartup(runs = 40): StartupRow[] {
  const variants: Record<string, string[]> = {
    'node -e 0': ['-e', '0'],
    'changeplane --help': [binary, '--help'],
    'changeplane --version': [binary, '--version'],
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (const args of Object.values(variants)) timeOnce(args); // warm the file cache
  for (let run = 0; run < runs; run += 1) {
    for (const [name, args] of Object.entries(variants)) samples[name]!.push(timeOnce(args));
  }
  const median = (name: string) =>
    quantile(
      [...samples[name]!].sort((a, b) => a - b),
      0.5,
    );
  const bare = median('node -e 0');
  return Object.keys(variants).map((command) => {
    const sorted = [...samples[command]!].sort((a, b) => a - b);
    return {
      command,
      runs,
      minMs: Number(sorted[0]!.toFixed(1)),
      medianMs: Number(quantile(sorted, 0.5).toFixed(1)),
      p95Ms: Number(quantile(sorted, 0.95).toFixed(1)),
      maxMs: Number(sorted[sorted.length - 1]!.toFixed(1)),
      ratioToBareNode: Number((quantile(sorted, 0.5) / bare).toFixed(2)),
    };
  });
}
