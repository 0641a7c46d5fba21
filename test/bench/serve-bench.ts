// `pnpm bench serve`: 10 tenants x 20 bots submit 1,000 runs on 50 Zipf-skewed entities to two `changeplane
// serve` processes on one fresh database of the machine's PostgreSQL, the emulators in their own process.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { listedChangeSets } from './emulator-change-sets.js';
import { analyse, type Collected, type ListedRun } from './serve-bench-analysis.js';
import { runBot, type SubmittedRun } from './serve-bench-bots.js';
import { serveBenchWorkload } from './serve-bench-workload.js';
import {
  freshDatabase,
  listAll,
  machinePostgres,
  makeTokens,
  readEvents,
  type ServeProcess,
  startEmulators,
  startServe,
  stopServe,
} from './serve-fleet.js';

export interface ServeBenchOptions {
  readonly runs: number;
  readonly tenants: number;
  readonly botsPerTenant: number;
  readonly entities: number;
  readonly skew: number;
  readonly servers: number;
  /** `changeplane serve`'s default `--concurrency`. */
  readonly concurrencyPerServer: number;
  /** The bots stop following their runs after this long (the figures are then taken as they stand). */
  readonly budgetMs: number;
}

const serveBenchDefaults: ServeBenchOptions = {
  runs: Number(process.env.SERVE_BENCH_RUNS ?? 1_000),
  tenants: 10,
  botsPerTenant: 20,
  entities: 50,
  skew: 1.1,
  servers: 2,
  concurrencyPerServer: 4,
  budgetMs: Number(process.env.SERVE_BENCH_BUDGET_MS ?? 8 * 60_000),
};

/** One bench run from a fresh database and fresh emulators to its figures. */
export async function benchServeOnce(options: ServeBenchOptions = serveBenchDefaults) {
  const database = await freshDatabase(machinePostgres);
  const emulators = await startEmulators('fast');
  const servers: ServeProcess[] = [];
  try {
    for (let index = 0; index < options.servers; index += 1)
      servers.push(await startServe(database.url, emulators.environment));
    const prefix = `bench-${randomBytes(3).toString('hex')}`;
    const bots = serveBenchWorkload(
      options.runs,
      options.tenants,
      options.botsPerTenant,
      options.entities,
      options.skew,
      prefix,
    );
    const tokens = await makeTokens(database.url, bots);
    const loadAtStart = loadavg()[0];
    const began = Date.now();
    const deadline = began + options.budgetMs;
    const outcomes = await Promise.all(
      bots.map((bot, index) =>
        runBot(bot, tokens.bots.get(bot.name)!, servers[index % servers.length]!, 2_000, deadline),
      ),
    );
    const endedAt = Date.now();
    const finishedWithinBudget = endedAt < deadline;
    const submitted = outcomes.flatMap((outcome) => outcome.submitted);
    const collected = await collect(servers[0]!, tokens, submitted, emulators.environment);
    const data = {
      ...collected,
      began,
      submitted,
      refusals: outcomes.flatMap((outcome) => outcome.refusals),
      concurrency: options.servers * options.concurrencyPerServer,
      endedAt,
    };
    // What the figures come from, to compute them again (reports/ is not committed).
    mkdirSync('reports', { recursive: true });
    writeFileSync(
      `reports/bench-serve-raw-${began}.json`,
      JSON.stringify({ ...data, events: Object.fromEntries(data.events) }),
    );
    const figures = analyse(data);
    return { options, finishedWithinBudget, loadAtStart, loadAtEnd: loadavg()[0], ...figures };
  } finally {
    await Promise.all(servers.map((server) => stopServe(server)));
    emulators.stop();
    await database.drop();
  }
}

/** Reads the runs, the audit and every run's events from the host, and the emulator's listing. */
async function collect(
  server: ServeProcess,
  tokens: { admin: string; bots: Map<string, string> },
  submitted: readonly SubmittedRun[],
  environment: Record<string, string>,
): Promise<Pick<Collected, 'runs' | 'audit' | 'events' | 'changeSets'>> {
  const runs = await listAll<ListedRun>(server.url, tokens.admin, '/v1/runs');
  const audit = await listAll<Collected['audit'][number]>(server.url, tokens.admin, '/v1/audit');
  const events = new Map<string, Record<string, unknown>[]>();
  // Each bot's token reads its own runs' events (the per-token rate limit allows 30 a second each).
  const queue = [...submitted];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let run = queue.shift(); run; run = queue.shift())
        events.set(run.id, await readEvents(server.url, tokens.bots.get(run.bot)!, run.id));
    }),
  );
  return { runs, audit, events, changeSets: await listedChangeSets(environment) };
}
