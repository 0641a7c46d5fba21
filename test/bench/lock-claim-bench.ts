import pg from 'pg';
// The queue's statements are not part of the package's API: the bench reaches them in the sources.
import { claimRun } from '../../packages/server/src/queue/claim-run.js';
import { finishRun } from '../../packages/server/src/queue/release-locks.js';
import { PostgresHostStore } from '../../packages/server/src/store/postgres-host-store.js';
import { valueOrThrow } from '../support/value-or-throw.js';
import { type Stats, stats } from './bench-stats.js';

export interface LockClaimBenchRow {
  readonly queue: string;
  readonly locksPerRun: number;
  /** `claim_run`: one statement, one transaction, every lock of the run. */
  readonly claimMs: Stats;
  /** The claim and the release (the run's end with its locks freed): two statements. */
  readonly claimAndReleaseMs: Stats;
}

const identity = {
  name: 'bench',
  tenant: 'bench',
  scopes: ['*'],
  approver: false,
  admin: false,
  requiresApproval: false,
};
const plan = (locks: string[]) => ({ document: { locks }, digest: 'd', targets: [], locks, changeSets: 1, changes: 1 });

/**
 * One claim + release round trip through PostgreSQL, `runs` times after 20 untimed: a run with 3 locks
 * submitted (untimed), claimed with all its locks, then finished with its locks released. Once with an empty
 * queue, once with 200 runs waiting behind a held lock (the claim walks past them). The store is
 * CHANGEPLANE_STORE, else the machine's server.
 */
export async function benchLockClaim(runs = 300): Promise<LockClaimBenchRow[]> {
  const url = process.env.CHANGEPLANE_STORE ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_claim_${process.pid}`;
  const store = valueOrThrow(await PostgresHostStore.open({ connectionString: url }, { schema }), 'opening');
  try {
    const empty = await measure(store, runs);
    for (let index = 0; index < 200; index += 1) {
      valueOrThrow(await store.submit({ identity, plan: plan(['bench:blocked', `bench:w${index}`]) }), 'backlog');
    }
    valueOrThrow(await store.submit({ identity, plan: plan(['bench:blocked']) }), 'blocker');
    // The first of them is claimed and never released: the other 199 and the last one wait on its lock.
    valueOrThrow(await claimRun(store.database, 'bench-holder'), 'holding');
    const backlog = await measure(store, runs);
    return [
      { queue: 'empty', locksPerRun: 3, ...empty },
      { queue: '200 waiting behind a held lock', locksPerRun: 3, ...backlog },
    ];
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
  }
}

async function measure(
  store: PostgresHostStore,
  runs: number,
): Promise<Omit<LockClaimBenchRow, 'queue' | 'locksPerRun'>> {
  const claims: number[] = [];
  const rounds: number[] = [];
  for (let index = 0; index < runs + 20; index += 1) {
    const locks = [0, 1, 2].map((at) => `bench:e${(index + at) % 10}`);
    valueOrThrow(await store.submit({ identity, plan: plan(locks) }), 'submitting');
    const began = performance.now();
    const claimed = valueOrThrow(await claimRun(store.database, 'bench'), 'claiming');
    const claimedAt = performance.now();
    if (!claimed) throw new Error('the bench run was not claimed');
    const outcome = { state: 'succeeded', exitCode: 0, reason: 'bench' } as const;
    valueOrThrow(await finishRun(store.database, claimed.id, 'bench', outcome, []), 'releasing');
    if (index >= 20) {
      claims.push(claimedAt - began);
      rounds.push(performance.now() - began);
    }
  }
  return { claimMs: stats(claims), claimAndReleaseMs: stats(rounds) };
}
