import { AwsMarketplaceProvider, type MarketplaceChangeSetRequest } from '@changeplane/aws-marketplace';
import { planChangeSets, runChangeSetSchedule } from '@changeplane/core';
import { startMarketplaceEmulator } from '@changeplane/emulator';
import { skewedWorkload } from './skewed-workload.js';

export interface SchedulerBenchResult {
  readonly changes: number;
  readonly entities: number;
  readonly changeSets: number;
  readonly levels: number;
  readonly concurrency: number;
  readonly changeSetDurationMs: number;
  readonly lowerBoundMs: number;
  readonly makespanMs: number;
  readonly ratio: number;
  readonly failed: number;
}

/**
 * Scheduler makespan on the Marketplace emulator for a skewed workload, against the lower bound
 * max(the most change sets any one entity needs, ceil(change sets / concurrency)) x one change set's duration.
 */
export async function benchScheduler(
  changeCount = 2_000,
  entityCount = 300,
  skew = 0.5,
  concurrency = 20,
  timing = { preparingMs: 1_000, applyingMs: 3_000 },
): Promise<SchedulerBenchResult> {
  const workload = skewedWorkload(changeCount, entityCount, skew);
  const plan = planChangeSets(workload)._unsafeUnwrap();
  // The documented per-account rates apply (StartChangeSet 5/s, DescribeChangeSet 10/s).
  const emulator = await startMarketplaceEmulator({ timing, limits: { openChangeSetsPerAccount: concurrency } });
  const provider = AwsMarketplaceProvider.fromOptions({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
    // waitUntilSettled releases the locks; the background watcher need not poll too.
    watchIntervalMs: 30_000,
  });
  const durationMs = timing.preparingMs + timing.applyingMs;
  // Polls every 200 ms; the provider paces DescribeChangeSet to the documented 10/s, all waiters in turn.
  const wait = { minDelayMs: 200, maxDelayMs: 200, maxWaitMs: 120_000 };
  try {
    const started = performance.now();
    const report = await runChangeSetSchedule(
      plan.sets,
      async (set) => {
        const request: MarketplaceChangeSetRequest = {
          changeSetName: `bench ${set.index}`,
          changes: set.changeIndexes.map((index) => {
            const change = workload[index]!;
            const [type, identifier] = change.entity!.split('/') as [string, string];
            return {
              changeType: change.changeType,
              entity: { type, identifier },
              details: { Note: `change ${index}` },
            };
          }),
        };
        const result = await provider
          .create(request)
          .andThen((handle) => provider.start(handle))
          .andThen((ref) => provider.waitUntilSettled(ref, wait));
        return result.map(() => undefined);
      },
      { concurrency, startsPerSecond: 5 },
    );
    const makespanMs = performance.now() - started;
    const mostPerEntity = plan.levels;
    const lowerBoundMs = Math.max(mostPerEntity, Math.ceil(plan.sets.length / concurrency)) * durationMs;
    return {
      changes: changeCount,
      entities: entityCount,
      changeSets: plan.sets.length,
      levels: plan.levels,
      concurrency,
      changeSetDurationMs: durationMs,
      lowerBoundMs,
      makespanMs: Math.round(makespanMs),
      ratio: Number((makespanMs / lowerBoundMs).toFixed(3)),
      failed: report.failed + report.skipped,
    };
  } finally {
    await provider.dispose?.();
    await emulator.close();
  }
}
