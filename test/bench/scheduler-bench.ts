import { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import {
  AwsMarketplaceProvider,
  type MarketplaceChange,
  type MarketplaceChangeSetRequest,
  marketplacePlanningPolicy,
} from '@changeplane/aws-marketplace';
import { changeSetDependencies, planChangeSets, runChangeSetSchedule } from '@changeplane/core';
import { startMarketplaceEmulator } from '@changeplane/emulator';
import { skewedWorkload } from './skewed-workload.js';

export interface SchedulerBenchRun {
  readonly changes: number;
  readonly changeSets: number;
  readonly levels: number;
  readonly longestSetChain: number;
  readonly concurrency: number;
  readonly changeSetDurationMs: number;
  /** max(longest chain x duration, ceil(sets / concurrency) x duration, (sets - 1) / 5 s + duration, level-0 slot wait). */
  readonly lowerBoundMs: number;
  readonly makespanMs: number;
  readonly ratio: number;
  readonly describesPerSet: number;
  readonly listsPerSet: number;
  readonly failed: number;
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
  const emulator = await startMarketplaceEmulator({ timing, limits: { openChangeSetsPerAccount: concurrency } });
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
          .andThen((ref) => provider.waitUntilSettled(ref));
        return result.map(() => undefined);
      },
      { concurrency, startsPerSecond: 5 },
    );
    const makespanMs = performance.now() - started;
    const { chainLength } = changeSetDependencies(plan.sets);
    const longestSetChain = Math.max(0, ...chainLength);
    const sets = plan.sets.length;
    const levelZero = plan.sets.filter((set) => set.level === 0).length;
    const lowerBoundMs = Math.max(
      longestSetChain * durationMs,
      Math.ceil(sets / concurrency) * durationMs,
      ((sets - 1) / 5) * 1_000 + durationMs,
      // Level-0 sets beyond the slots wait for one to free: one more duration after the first wave.
      levelZero > concurrency ? 2 * durationMs : durationMs,
    );
    return {
      changes: changeCount,
      changeSets: sets,
      levels: plan.levels,
      longestSetChain,
      concurrency,
      changeSetDurationMs: durationMs,
      lowerBoundMs: Math.round(lowerBoundMs),
      makespanMs: Math.round(makespanMs),
      ratio: Number((makespanMs / lowerBoundMs).toFixed(3)),
      describesPerSet: Number(((calls.get('DescribeChangeSetCommand') ?? 0) / sets).toFixed(2)),
      listsPerSet: Number(((calls.get('ListChangeSetsCommand') ?? 0) / sets).toFixed(2)),
      failed: report.failed + report.skipped,
    };
  } finally {
    await provider.dispose?.();
    await emulator.close();
  }
}
