import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { MarketplaceCatalogClient, StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import { AwsMarketplaceProvider } from '@changeplane/aws-marketplace';
import { RosProvider } from '@changeplane/ros';
import { type Stats, stats } from './bench-stats.js';

export interface OverheadRun {
  readonly iterations: number;
  readonly adapterMedianMs: number;
  readonly rawMedianMs: number;
  readonly adapterP95Ms: number;
  readonly rawP95Ms: number;
  /** adapter median / raw median */
  readonly medianRatio: number;
  /** adapter median - raw median, in microseconds: what the adapter adds to one create+start. */
  readonly medianOverheadUs: number;
  /** adapter p95 / raw p95 */
  readonly p95Ratio: number;
  /** SDK calls (one HTTP request each) per timed iteration, where counted: both sides must make the same. */
  readonly rawCallsPerIteration?: number;
  readonly adapterCallsPerIteration?: number;
  /**
   * This process's CPU time, adapter side / raw side, where measured: what the adapter itself costs, which the
   * load of a shared machine moves far less than it moves wall time (it does not count time spent waiting).
   */
  readonly cpuRatio?: number;
}

export interface OverheadBenchRow {
  readonly provider: string;
  readonly medianRatio: Stats;
  readonly p95Ratio: Stats;
  readonly runs: readonly OverheadRun[];
}

interface Endpoints {
  readonly marketplace: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  readonly ros: { endpoint: string; regionId: string; credentials: { accessKeyId: string; accessKeySecret: string } };
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

async function startEmulatorProcess(): Promise<{ child: ChildProcess; endpoints: Endpoints }> {
  const script = fileURLToPath(new URL('./emulator-process.ts', import.meta.url));
  const child = spawn('node', ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffered = '';
  for await (const chunk of child.stdout!) {
    buffered += String(chunk);
    if (buffered.includes('\n')) break;
  }
  return { child, endpoints: JSON.parse(buffered.split('\n')[0]!) as Endpoints };
}

// Enough for V8 to have optimized both sides' code (the first thousand iterations run measurably slower on
// either side): the steady state of a long-running bot, which is what the ratio is about.
const warmUpIterations = 1_000;

/** Times `adapter` and `raw` alternately (which goes first flips every iteration), after a warm-up. */
async function alternate(
  iterations: number,
  raw: (iteration: number) => Promise<void>,
  adapter: (iteration: number) => Promise<void>,
): Promise<OverheadRun> {
  const rawTimes: number[] = [];
  const adapterTimes: number[] = [];
  const warmUp = warmUpIterations;
  for (let iteration = 0; iteration < iterations + warmUp; iteration += 1) {
    const order = iteration % 2 === 0 ? (['raw', 'adapter'] as const) : (['adapter', 'raw'] as const);
    for (const which of order) {
      const started = performance.now();
      await (which === 'raw' ? raw(iteration) : adapter(iteration));
      const elapsed = performance.now() - started;
      if (iteration >= warmUp) (which === 'raw' ? rawTimes : adapterTimes).push(elapsed);
    }
  }
  const adapterMedianMs = quantile(adapterTimes, 0.5);
  const rawMedianMs = quantile(rawTimes, 0.5);
  const adapterP95Ms = quantile(adapterTimes, 0.95);
  const rawP95Ms = quantile(rawTimes, 0.95);
  return {
    iterations,
    adapterMedianMs: Number(adapterMedianMs.toFixed(3)),
    rawMedianMs: Number(rawMedianMs.toFixed(3)),
    adapterP95Ms: Number(adapterP95Ms.toFixed(3)),
    rawP95Ms: Number(rawP95Ms.toFixed(3)),
    medianRatio: Number((adapterMedianMs / rawMedianMs).toFixed(3)),
    medianOverheadUs: Math.round((adapterMedianMs - rawMedianMs) * 1_000),
    p95Ratio: Number((adapterP95Ms / rawP95Ms).toFixed(3)),
  };
}

/**
 * Adapter overhead: create plus start (the two sides' names and identifiers of equal length, so both send
 * requests of the same size) through each adapter against the same calls with the raw SDK, on
 * one client each way, against emulators in another process (so the server's work does not share this
 * event loop), alternated, `iterations` per run, `runs` runs.
 */
export async function benchAdapterOverhead(iterations = 2_000, runs = 3): Promise<OverheadBenchRow[]> {
  const { child, endpoints } = await startEmulatorProcess();
  try {
    const { marketplace, ros } = endpoints;
    const client = new MarketplaceCatalogClient({
      region: marketplace.region,
      endpoint: marketplace.endpoint,
      credentials: marketplace.credentials,
      maxAttempts: 1,
    });
    const adapter = new AwsMarketplaceProvider({ client, region: marketplace.region });
    const marketplaceRuns: OverheadRun[] = [];
    const config = new $OpenApi.$OpenApiUtil.Config({
      accessKeyId: ros.credentials.accessKeyId,
      accessKeySecret: ros.credentials.accessKeySecret,
      endpoint: ros.endpoint.replace(/^https?:\/\//, ''),
      protocol: 'http',
      regionId: ros.regionId,
    });
    const rosClient = new ROS.default(config);
    // Every ROS operation goes through callApi once (one HTTP request): counted on the one client both sides
    // share, so the report shows both make the same calls (GetChangeSet polls included).
    let rosCalls = 0;
    const callApi = rosClient.callApi.bind(rosClient);
    rosClient.callApi = (...args) => {
      rosCalls += 1;
      return callApi(...args);
    };
    const counted =
      (tally: { calls: number; cpuMicros: number }, side: (iteration: number) => Promise<void>) =>
      async (iteration: number) => {
        const before = rosCalls;
        const cpuBefore = process.cpuUsage();
        await side(iteration);
        const cpu = process.cpuUsage(cpuBefore);
        tally.cpuMicros += cpu.user + cpu.system;
        tally.calls += rosCalls - before;
      };
    const rosAdapter = new RosProvider({ client: rosClient, regionId: ros.regionId });
    const rosRuns: OverheadRun[] = [];
    const template = JSON.stringify({ ROSTemplateFormatVersion: '2015-09-01', Resources: {} });

    for (let run = 0; run < runs; run += 1) {
      // Marketplace: validate + lock + StartChangeSet (adapter) vs StartChangeSet with a token (raw).
      marketplaceRuns.push(
        await alternate(
          iterations,
          async (iteration) => {
            await client.send(
              new StartChangeSetCommand({
                Catalog: 'AWSMarketplace',
                ClientRequestToken: randomUUID(),
                Intent: 'APPLY',
                ChangeSet: [
                  {
                    ChangeType: 'UpdateInformation',
                    Entity: { Type: 'SaaSProduct@1.0', Identifier: `prod-raw-${run}-${iteration}` },
                    DetailsDocument: { ProductTitle: 'bench' },
                  },
                ],
              }),
            );
          },
          async (iteration) => {
            const result = await adapter
              .create({
                changes: [
                  {
                    changeType: 'UpdateInformation',
                    entity: { type: 'SaaSProduct@1.0', identifier: `prod-adp-${run}-${iteration}` },
                    details: { ProductTitle: 'bench' },
                  },
                ],
              })
              .andThen((handle) => adapter.start(handle));
            if (result.isErr()) throw new Error(JSON.stringify(result.error));
          },
        ),
      );
      // ROS: CreateChangeSet + GetChangeSet until ready + ExecuteChangeSet, both ways, tokens on both.
      const rawTally = { calls: 0, cpuMicros: 0 };
      const adapterTally = { calls: 0, cpuMicros: 0 };
      const rosRun = await alternate(
        iterations,
        counted(rawTally, async (iteration) => {
          const created = await rosClient.createChangeSet(
            new $Ros.CreateChangeSetRequest({
              regionId: ros.regionId,
              changeSetName: `raw-${run}-${iteration}`,
              changeSetType: 'CREATE',
              stackName: `raw-${run}-${iteration}`,
              templateBody: template,
              timeoutInMinutes: 10,
              clientToken: randomUUID(),
            }),
          );
          const changeSetId = created.body!.changeSetId!;
          for (;;) {
            const described = await rosClient.getChangeSet(
              new $Ros.GetChangeSetRequest({ regionId: ros.regionId, changeSetId }),
            );
            if (described.body?.status === 'CREATE_COMPLETE') break;
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          await rosClient.executeChangeSet(
            new $Ros.ExecuteChangeSetRequest({ regionId: ros.regionId, changeSetId, clientToken: randomUUID() }),
          );
        }),
        counted(adapterTally, async (iteration) => {
          const result = await rosAdapter
            .create(
              {
                changeSetType: 'CREATE',
                regionId: ros.regionId,
                changeSetName: `adp-${run}-${iteration}`,
                stackName: `adp-${run}-${iteration}`,
                templateBody: template,
                timeoutInMinutes: 10,
              },
              { wait: { minDelayMs: 1, maxDelayMs: 1, maxWaitMs: 10_000 } },
            )
            .andThen((handle) => rosAdapter.start(handle));
          if (result.isErr()) throw new Error(JSON.stringify(result.error));
        }),
      );
      // The warm-up iterations are counted too (calls and CPU): per iteration over all of them.
      const perIteration = (calls: number) => Number((calls / (iterations + warmUpIterations)).toFixed(3));
      rosRuns.push({
        ...rosRun,
        rawCallsPerIteration: perIteration(rawTally.calls),
        adapterCallsPerIteration: perIteration(adapterTally.calls),
        cpuRatio: Number((adapterTally.cpuMicros / rawTally.cpuMicros).toFixed(3)),
      });
    }
    await adapter.dispose?.();
    const row = (provider: string, list: OverheadRun[]): OverheadBenchRow => ({
      provider,
      medianRatio: stats(list.map((item) => item.medianRatio)),
      p95Ratio: stats(list.map((item) => item.p95Ratio)),
      runs: list,
    });
    return [row('aws-marketplace', marketplaceRuns), row('alibaba-ros', rosRuns)];
  } finally {
    child.stdin!.end();
    await once(child, 'exit');
  }
}
