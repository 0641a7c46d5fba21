// The crash soak of issue 10: `changeplane apply` of a plan with 2 ROS stacks and 200 Marketplace changes,
// SIGKILLed at a random instant and re-run (without --new-run) until it finishes; repeated for many plans.
// Counted from the emulators' own listings: no duplicate change set, no lost change, every change applied once.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as $Ros from '@alicloud/ros20190910';
import { DescribeChangeSetCommand, paginateListChangeSets } from '@aws-sdk/client-marketplace-catalog';

import { emulatorClients } from '../support/emulator-clients.js';

const binary = fileURLToPath(new URL('../../packages/cli/bin/changeplane.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CrashSoakRow {
  readonly plan: number;
  readonly kills: number;
  readonly attempts: number;
  readonly marketplaceSets: number;
  readonly changesApplied: number;
  readonly duplicateChanges: number;
  readonly lostChanges: number;
  readonly rosStacks: number;
  readonly rosExecutions: number;
}

/** A plan whose names are its own: 2 stacks and 200 changes on 100 entities (two change types each). */
function planText(index: number): string {
  const stacks = [0, 1]
    .map(
      (stack) =>
        `    - name: soak-${index}-stack-${stack}\n      template: {ROSTemplateFormatVersion: '2015-09-01', Resources: {Vpc: {Type: 'ALIYUN::ECS::VPC'}}}`,
    )
    .join('\n');
  const changes: string[] = [];
  for (let entity = 0; entity < 100; entity += 1) {
    for (const type of ['UpdateInformation', 'UpdateTargeting']) {
      changes.push(
        `    - changeType: ${type}\n      entity: {type: SaaSProduct@1.0, identifier: soak-${index}-prod-${entity}}\n      details: {ProductTitle: p${entity}}`,
      );
    }
  }
  return `version: 1\nname: soak-${index}\nros:\n  stacks:\n${stacks}\nmarketplace:\n  concurrency: 20\n  changes:\n${changes.join('\n')}\n`;
}

function startEmulators(): Promise<{ stop: () => void; environment: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binary, 'emulators', '--json', '--emulator-speed', 'fast'], { cwd: root });
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) {
        const { environment } = JSON.parse(line) as { environment: Record<string, string> };
        resolve({ stop: () => child.kill('SIGTERM'), environment });
      }
    });
    child.on('error', reject);
  });
}

/** One `apply`; killed with SIGKILL after `killAfterMs` when given. Resolves with the exit code (null: killed). */
function apply(planFile: string, folder: string, environment: Record<string, string>, killAfterMs?: number) {
  return new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      [binary, 'apply', planFile, '--yes', '--json', '--state', join(folder, 'state.json')],
      {
        cwd: root,
        stdio: 'ignore',
        env: {
          PATH: process.env.PATH,
          HOME: folder,
          CI: 'true',
          AWS_EC2_METADATA_DISABLED: 'true',
          ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
          ...environment,
        },
      },
    );
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export async function crashSoak(plans = 50): Promise<{ rows: CrashSoakRow[]; failures: number }> {
  const { stop, environment } = await startEmulators();
  // Counting pages through every change set of the account, within its documented 5 ListChangeSets a second:
  // the SDK's own retries wait out a throttle.
  const { marketplace, ros } = emulatorClients(environment, 20);
  const rows: CrashSoakRow[] = [];
  let failures = 0;
  try {
    for (let index = 0; index < plans; index += 1) {
      const folder = mkdtempSync(join(tmpdir(), 'changeplane-crash-soak-'));
      const planFile = join(folder, 'plan.yaml');
      writeFileSync(planFile, planText(index));
      let kills = 0;
      let attempts = 0;
      // Killed at a random instant while it runs (a run takes 2-4 s here), up to three times, then re-run until
      // it exits on its own.
      for (;;) {
        attempts += 1;
        const killAt = kills < 3 ? 200 + Math.floor(Math.random() * 2_300) : undefined;
        const code = await apply(planFile, folder, environment, killAt);
        if (code === null) {
          kills += 1;
          continue;
        }
        if (code !== 0) failures += 1;
        break;
      }
      const sets = [];
      for await (const page of paginateListChangeSets(
        { client: marketplace },
        { Catalog: 'AWSMarketplace', MaxResults: 20 },
      )) {
        const ours = (page.ChangeSetSummaryList ?? []).filter(
          (set) => set.ChangeSetName === `soak-${index}` || set.ChangeSetName?.startsWith(`soak-${index} `),
        );
        sets.push(...ours);
      }
      const applied = new Map<string, number>();
      for (const set of sets) {
        if (set.Status !== 'SUCCEEDED') continue;
        const described = await marketplace.send(
          new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: set.ChangeSetId }),
        );
        for (const change of described.ChangeSet ?? []) {
          const key = `${change.Entity?.Identifier}/${change.ChangeType}`;
          applied.set(key, (applied.get(key) ?? 0) + 1);
        }
      }
      const duplicateChanges = [...applied.values()].filter((count) => count > 1).length;
      const lostChanges = 200 - applied.size;
      const listed = await ros.listStacks(
        new $Ros.ListStacksRequest({
          regionId: 'cn-hangzhou',
          stackName: [`soak-${index}-stack-0`, `soak-${index}-stack-1`],
        }),
      );
      const stacks = listed.body?.stacks ?? [];
      let rosExecutions = 0;
      for (const stack of stacks) {
        const changeSets = await ros.listChangeSets(
          new $Ros.ListChangeSetsRequest({ regionId: 'cn-hangzhou', stackId: stack.stackId }),
        );
        rosExecutions += (changeSets.body?.changeSets ?? []).filter(
          (item) => item.executionStatus === 'EXECUTE_COMPLETE',
        ).length;
      }
      const row: CrashSoakRow = {
        plan: index,
        kills,
        attempts,
        marketplaceSets: sets.length,
        changesApplied: [...applied.values()].reduce((sum, count) => sum + count, 0),
        duplicateChanges,
        lostChanges,
        rosStacks: stacks.length,
        rosExecutions,
      };
      if (duplicateChanges > 0 || lostChanges > 0 || stacks.length !== 2 || rosExecutions !== 2) failures += 1;
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  } finally {
    stop();
  }
  return { rows, failures };
}
