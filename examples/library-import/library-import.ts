// Using changeplane as a library: one ROS change set and one Marketplace change set, created, started and
// waited for through the same contract. With no cloud at hand it runs against the local emulators.
import { AwsMarketplaceProvider } from '@changeplane/aws-marketplace';
import type { ChangeSetProvider, ChangeSetState } from '@changeplane/core';
import { startMarketplaceEmulator, startRosEmulator } from '@changeplane/emulator';
import { RosProvider } from '@changeplane/ros';

const wait = { minDelayMs: 50, maxDelayMs: 500, maxWaitMs: 60_000 };

/** create -> show -> start -> wait, for any provider; a failure comes back as a value, never thrown. */
async function carryOut<Request>(provider: ChangeSetProvider<Request>, request: Request): Promise<ChangeSetState> {
  const result = await provider
    .create(request, { wait })
    .andThen((handle) => {
      console.log(
        `${provider.id}: ${handle.changes.length} change(s):`,
        handle.changes.map((change) => `${change.action} ${change.target}`).join(', '),
      );
      return provider.start(handle);
    })
    .andThen((started) => provider.waitUntilSettled(started, wait));
  if (result.isErr()) throw new Error(`${provider.id} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export async function main(): Promise<ChangeSetState[]> {
  const rosEmulator = await startRosEmulator();
  // The emulator's catalog holds only what it is seeded with: the product the change set updates.
  const marketplaceEmulator = await startMarketplaceEmulator({
    seed: { entities: [{ type: 'SaaSProduct@1.0', identifier: 'prod-library' }] },
  });
  const ros = RosProvider.fromOptions({
    regionId: rosEmulator.regionId,
    endpoint: rosEmulator.endpoint,
    credentials: rosEmulator.credentials,
  });
  const marketplace = AwsMarketplaceProvider.fromOptions({
    region: marketplaceEmulator.region,
    endpoint: marketplaceEmulator.endpoint,
    credentials: marketplaceEmulator.credentials,
  });
  try {
    const states = [
      await carryOut(ros, {
        changeSetType: 'CREATE',
        regionId: rosEmulator.regionId,
        changeSetName: 'library-import',
        stackName: 'library-import-stack',
        templateBody: {
          ROSTemplateFormatVersion: '2015-09-01',
          Resources: { Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: '10.0.0.0/8' } } },
        },
        timeoutInMinutes: 10,
      }),
      await carryOut(marketplace, {
        changeSetName: 'library-import',
        changes: [
          {
            changeType: 'UpdateInformation',
            entity: { type: 'SaaSProduct@1.0', identifier: 'prod-library' },
            details: { ProductTitle: 'Imported as a library' },
          },
        ],
      }),
    ];
    for (const state of states)
      console.log(`${state.ref.provider} ${state.ref.changeSetId}: ${state.status} (${state.rawStatus})`);
    return states;
  } finally {
    await marketplace.dispose?.();
    await Promise.all([rosEmulator.close(), marketplaceEmulator.close()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
