import { randomUUID } from 'node:crypto';
import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { MarketplaceCatalogClient, StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import { AwsMarketplaceProvider } from '@changeplane/aws-marketplace';
import { startMarketplaceEmulator, startRosEmulator } from '@changeplane/emulator';
import { RosProvider } from '@changeplane/ros';

export interface OverheadBenchRow {
  readonly provider: string;
  readonly iterations: number;
  readonly adapterMedianMs: number;
  readonly rawSdkMedianMs: number;
  readonly ratio: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Adapter overhead: create plus start through each adapter, divided by the same calls made with the raw SDK
 * against the same emulator, interleaved in one run so both see the same machine.
 */
export async function benchAdapterOverhead(iterations = 300): Promise<OverheadBenchRow[]> {
  const rows: OverheadBenchRow[] = [];

  // Marketplace: validate + lock + StartChangeSet (adapter) vs StartChangeSet (raw).
  const marketplace = await startMarketplaceEmulator({
    timing: { preparingMs: 5, applyingMs: 5 },
    limits: { ratesPerSecond: false },
  });
  const client = new MarketplaceCatalogClient({
    region: marketplace.region,
    endpoint: marketplace.endpoint,
    credentials: marketplace.credentials,
  });
  const adapter = new AwsMarketplaceProvider({ client });
  const adapterTimes: number[] = [];
  const rawTimes: number[] = [];
  try {
    for (let iteration = 0; iteration < iterations + 10; iteration += 1) {
      const change = (who: string) => ({
        ChangeType: 'UpdateInformation',
        Entity: { Type: 'SaaSProduct@1.0', Identifier: `prod-${who}-${iteration}` },
        DetailsDocument: { ProductTitle: 'bench' },
      });
      let started = performance.now();
      await client.send(new StartChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSet: [change('raw')] }));
      const raw = performance.now() - started;
      started = performance.now();
      const result = await adapter
        .create({
          changes: [
            {
              changeType: 'UpdateInformation',
              entity: { type: 'SaaSProduct@1.0', identifier: `prod-adapter-${iteration}` },
              details: { ProductTitle: 'bench' },
            },
          ],
        })
        .andThen((handle) => adapter.start(handle));
      const viaAdapter = performance.now() - started;
      if (result.isErr()) throw new Error(JSON.stringify(result.error));
      if (iteration >= 10) {
        rawTimes.push(raw);
        adapterTimes.push(viaAdapter);
      }
    }
  } finally {
    await adapter.dispose?.();
    await marketplace.close();
  }
  rows.push({
    provider: 'aws-marketplace',
    iterations,
    adapterMedianMs: Number(median(adapterTimes).toFixed(2)),
    rawSdkMedianMs: Number(median(rawTimes).toFixed(2)),
    ratio: Number((median(adapterTimes) / median(rawTimes)).toFixed(3)),
  });

  // ROS: CreateChangeSet + GetChangeSet until ready + ExecuteChangeSet, both ways.
  const ros = await startRosEmulator({ timing: { createMs: 0, executeMs: 0 } });
  const config = new $OpenApi.$OpenApiUtil.Config({
    accessKeyId: ros.credentials.accessKeyId,
    accessKeySecret: ros.credentials.accessKeySecret,
    endpoint: new URL(ros.endpoint).host,
    protocol: 'http',
    regionId: ros.regionId,
  });
  const rosClient = new ROS.default(config);
  const rosAdapter = new RosProvider({ client: rosClient, regionId: ros.regionId });
  const rosAdapterTimes: number[] = [];
  const rosRawTimes: number[] = [];
  const template = JSON.stringify({ ROSTemplateFormatVersion: '2015-09-01', Resources: {} });
  try {
    for (let iteration = 0; iteration < iterations + 10; iteration += 1) {
      // The same calls the adapter makes: ClientTokens on create and execute, a 1 ms pause between polls.
      let started = performance.now();
      const created = await rosClient.createChangeSet(
        new $Ros.CreateChangeSetRequest({
          regionId: ros.regionId,
          changeSetName: `raw-${iteration}`,
          changeSetType: 'CREATE',
          stackName: `raw-${iteration}`,
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
        if (described.body?.executionStatus === 'AVAILABLE') break;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await rosClient.executeChangeSet(
        new $Ros.ExecuteChangeSetRequest({ regionId: ros.regionId, changeSetId, clientToken: randomUUID() }),
      );
      const raw = performance.now() - started;
      started = performance.now();
      const result = await rosAdapter
        .create(
          {
            changeSetType: 'CREATE',
            regionId: ros.regionId,
            changeSetName: `adapter-${iteration}`,
            stackName: `adapter-${iteration}`,
            templateBody: template,
            timeoutInMinutes: 10,
          },
          { wait: { minDelayMs: 1, maxDelayMs: 1, maxWaitMs: 10_000 } },
        )
        .andThen((handle) => rosAdapter.start(handle));
      const viaAdapter = performance.now() - started;
      if (result.isErr()) throw new Error(JSON.stringify(result.error));
      if (iteration >= 10) {
        rosRawTimes.push(raw);
        rosAdapterTimes.push(viaAdapter);
      }
    }
  } finally {
    await ros.close();
  }
  rows.push({
    provider: 'alibaba-ros',
    iterations,
    adapterMedianMs: Number(median(rosAdapterTimes).toFixed(2)),
    rawSdkMedianMs: Number(median(rosRawTimes).toFixed(2)),
    ratio: Number((median(rosAdapterTimes) / median(rosRawTimes)).toFixed(3)),
  });
  return rows;
}
