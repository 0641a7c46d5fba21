import { PostgresEntityLockStore } from '@changeplane/postgres';
import pg from 'pg';
import { valueOrThrow } from '../support/value-or-throw.js';

export interface LockBenchResult {
  readonly store: string;
  readonly runs: number;
  readonly minMs: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * One lock acquire + release through PostgreSQL (tryAcquire then release of one key, one bot, a warm pool),
 * timed `runs` times. The store is CHANGEPLANE_STORE, else the machine's server.
 */
export async function benchLocks(runs = 2_000): Promise<LockBenchResult> {
  const url = process.env.CHANGEPLANE_STORE ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_locks_${process.pid}`;
  const store = new PostgresEntityLockStore({ connectionString: url, schema });
  const samples: number[] = [];
  try {
    for (let index = 0; index < runs + 100; index += 1) {
      const began = performance.now();
      const lease = valueOrThrow(
        await store.tryAcquire(`aws-marketplace:default:us-east-1:bench-${index % 10}`, 'bench', 30_000),
        'taking a lock',
      );
      await store.release(lease);
      if (index >= 100) samples.push(performance.now() - began);
    }
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]! * 1000) / 1000;
  return { store: 'postgresql (loopback)', runs, minMs: at(0), medianMs: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}
