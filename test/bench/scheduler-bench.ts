import { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import {
  AwsMarketplaceProvider,
  type MarketplaceChange,
  type MarketplaceChangeSetRequest,
  marketplacePlanningPolicy,
} from '@changeplane/aws-marketplace';
import { changeSetDependencies, type PlannedChangeSet, planChangeSets, runChangeSetSchedule } from '@changeplane/core';
import { startMarketplaceEmulator } from '@changeplane/emulator';
import { skewedWorkload } from './skewed-workload.js';

export interface SchedulerBenchRun {
  readonly changes: number;
  readonly changeSets: number;
  readonly levels: number;
  readonly longestSetChain: number;
  readonly concurrency: number;
  readonly changeSetDurationMs: number;
  /** The tight lower bound (see scheduleLowerBound); `ratio` is makespan over it. */
  readonly lowerBoundMs: number;
  /** The group of sets that sets the bound: depth >= k, chain >= j, n of them. */
  readonly boundGroup: string;
  /** The earlier bound, max(chain x duration, ceil(sets / concurrency) x duration, ...), for comparison. */
  readonly chainBoundMs: number;
  readonly makespanMs: number;
  readonly ratio: number;
  /** Per set: from StartChangeSet's answer to waitUntilSettled's, less the set's duration (median/p95 ms). */
  readonly heardLateMs: string;
  readonly describesPerSet: number;
  readonly listsPerSet: number;
  readonly failed: number;
}

/** The lower bound and the group of sets that sets it. */
export interface ScheduleLowerBound {
  readonly ms: number;
  readonly depth: number;
  readonly chain: number;
  readonly sets: number;
}

/**
 * A lower bound on any schedule's makespan, every set taking `durationMs`, at most `concurrency` open
 * at once and StartChangeSet's token bucket (`startsPerSecond`, a burst of `startBurst`). Take the sets
 * whose depth (longest chain of predecessors) is at least k and whose chain (longest chain from them on,
 * themselves included) is at least j, n of them. None starts before k x duration (its predecessors run one
 * after another first). With m slots, at most m of them start within any one duration (each holds its slot
 * that long), and the bucket lets at most burst + rate x t start within t: the last of them starts at least
 * max((ceil(n / m) - 1) x duration, (n - burst) / rate) after k x duration. From its start, its own chain
 * takes j x duration more. So the makespan is at least k x duration + that + j x duration, for every k and
 * j; the bound is the largest. k = 0 with j = the longest chain is the chain bound; k = 0, j = 1 (all sets)
 * the slot and start-rate bounds; a wide tail (many sets deep in the DAG) is what the larger k catch.
 */
function scheduleLowerBound(
  sets: readonly PlannedChangeSet[],
  limits: { concurrency: number; durationMs: number; startsPerSecond: number; startBurst: number },
): ScheduleLowerBound {
  const { predecessors, chainLength } = changeSetDependencies(sets);
  const depth = new Array<number>(sets.length).fill(0);
  // Predecessors come earlier in plan order, so one pass in that order settles every depth.
  for (let index = 0; index < sets.length; index += 1) {
    for (const previous of predecessors[index]!) depth[index] = Math.max(depth[index]!, depth[previous]! + 1);
  }
  const { concurrency, durationMs, startsPerSecond, startBurst } = limits;
  let best: ScheduleLowerBound = { ms: 0, depth: 0, chain: 0, sets: 0 };
  const deepest = Math.max(0, ...depth);
  const longest = Math.max(0, ...chainLength);
  for (let k = 0; k <= deepest; k += 1) {
    for (let j = 1; j <= longest; j += 1) {
      let n = 0;
      for (let index = 0; index < sets.length; index += 1) {
        if (depth[index]! >= k && chainLength[index]! >= j) n += 1;
      }
      if (n === 0) break;
      const lastStartMs = Math.max(
        (Math.ceil(n / concurrency) - 1) * durationMs,
        (Math.max(0, n - startBurst) / startsPerSecond) * 1_000,
      );
      const ms = k * durationMs + lastStartMs + j * durationMs;
      if (ms > best.ms) best = { ms, depth: k, chain: j, sets: n };
    }
  }
  return best;
}

/**
 * Scheduler makespan on the Marketplace emulator for a skewed workload, with the adapter's default
 * settings (settle watcher, lease keeper, waiter), against the tight lower bound. SDK calls are counted by a
 * middleware on a client built like the provider's own (one attempt per call).
 */
export async function benchSchedulerOnce(
  changeCount = 2_000,
  entityCount = 300,
  skew = 0.5,
  concurrency = 20,
  timing = { preparingMs: 1_000, applyingMs: 3_000 },
): Promise<SchedulerBenchRun> {
  const workload: MarketplaceChange[] = skewedWorkload(changeCount, entityCount, skew).map((change, index) => {
    const [type, identifier] = change.entity!.split('/') as [string, string];
    return { changeType: change.changeType, entity: { type, identifier }, details: { Note: `change ${index}` } };
  });
  const plan = planChangeSets(workload, marketplacePlanningPolicy)._unsafeUnwrap();
  const emulator = await startMarketplaceEmulator({
    unknownEntities: 'create',
    timing,
    limits: { openChangeSetsPerAccount: concurrency },
  });
  const client = new MarketplaceCatalogClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
    maxAttempts: 1,
  });
  const calls = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.set(context.commandName ?? '?', (calls.get(context.commandName ?? '?') ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchCallCounter' },
  );
  const provider = AwsMarketplaceProvider.fromOptions({ client, region: emulator.region });
  const durationMs = timing.preparingMs + timing.applyingMs;
  try {
    const heardLate: number[] = [];
    const started = performance.now();
    const report = await runChangeSetSchedule(
      plan.sets,
      async (set) => {
        const request: MarketplaceChangeSetRequest = {
          changeSetName: `bench ${set.index}`,
          changes: set.changeIndexes.map((index) => workload[index]!),
        };
        const result = await provider
          .create(request)
          .andThen((handle) => provider.start(handle))
          .andThen((ref) => {
            const startedAt = performance.now();
            return provider.waitUntilSettled(ref).map((state) => {
              heardLate.push(performance.now() - startedAt - durationMs);
              return state;
            });
          });
        return result.map(() => undefined);
      },
      { concurrency, startsPerSecond: 5 },
    );
    const makespanMs = performance.now() - started;
    const { chainLength } = changeSetDependencies(plan.sets);
    const longestSetChain = Math.max(0, ...chainLength);
    const sets = plan.sets.length;
    const levelZero = plan.sets.filter((set) => set.level === 0).length;
    const chainBoundMs = Math.max(
      longestSetChain * durationMs,
      Math.ceil(sets / concurrency) * durationMs,
      ((sets - 1) / 5) * 1_000 + durationMs,
      // Level-0 sets beyond the slots wait for one to free: one more duration after the first wave.
      levelZero > concurrency ? 2 * durationMs : durationMs,
    );
    const bound = scheduleLowerBound(plan.sets, { concurrency, durationMs, startsPerSecond: 5, startBurst: 5 });
    return {
      changes: changeCount,
      changeSets: sets,
      levels: plan.levels,
      longestSetChain,
      concurrency,
      changeSetDurationMs: durationMs,
      lowerBoundMs: Math.round(bound.ms),
      boundGroup: `depth >= ${bound.depth}, chain >= ${bound.chain}: ${bound.sets} sets`,
      chainBoundMs: Math.round(chainBoundMs),
      makespanMs: Math.round(makespanMs),
      ratio: Number((makespanMs / bound.ms).toFixed(3)),
      heardLateMs: (() => {
        const sorted = heardLate.sort((a, b) => a - b);
        const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
        return `${at(0.5)}/${at(0.95)}`;
      })(),
      describesPerSet: Number(((calls.get('DescribeChangeSetCommand') ?? 0) / sets).toFixed(2)),
      listsPerSet: Number(((calls.get('ListChangeSetsCommand') ?? 0) / sets).toFixed(2)),
      failed: report.failed + report.skipped,
    };
  } finally {
    await provider.dispose?.();
    await emulator.close();
  }
}
