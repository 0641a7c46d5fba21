import { randomUUID } from 'node:crypto';
import { ListChangeSetsCommand } from '@aws-sdk/client-marketplace-catalog';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { emulatorClients } from '../support/emulator-clients.js';
import { postgresUrl } from '../support/postgres-test-schema.js';
import { byType, expectFinished, stateFile, writePlan } from './cli-files.js';
import { watchChangeplane, withEmulatorsProcess } from './run-changeplane.js';

/** When a task first reported `status`, from its `task-status` events' own `at`. */
function statusAt(events: Record<string, unknown>[], task: string, status: string): number {
  const event = byType(events, 'task-status').find(
    (candidate) => candidate.task === task && candidate.status === status,
  );
  if (!event) throw new Error(`no ${status} event for ${task}`);
  return Date.parse(String(event.at));
}

/** The live leases on an entity in the shared store (the CLI's default schema). */
async function liveLeasesOn(entity: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    const rows = await client.query<{ holder: string }>(
      'SELECT holder FROM changeplane.entity_leases WHERE key LIKE $1 AND expires_at > clock_timestamp()',
      [`%:${entity}`],
    );
    return rows.rows.map((row) => row.holder);
  } finally {
    await client.end();
  }
}

describe('changeplane apply --store after a kill -9', () => {
  describe('having two change sets on one entity, the second after the first', () => {
    describe('when the run is killed once the first is started, then applied again', () => {
      it('should take back the dead run leases, start the second soon after the first settles, and make nothing twice', async () => {
        // `slow`: each change set runs 20 s in the emulator, so the kill lands while the first one runs.
        await withEmulatorsProcess('slow', async (environment) => {
          const entity = `prod-resume-lease-${randomUUID().slice(0, 8)}`;
          const change = (title: string) =>
            `    - changeType: UpdateInformation\n      entity: {type: SaaSProduct@1.0, identifier: ${entity}}\n      details: {ProductTitle: ${title}}\n`;
          const plan = writePlan(
            `version: 1\nname: resume-${entity}\nmarketplace:\n  changes:\n${change('first')}${change('second')}`,
          );
          // A lock wait well under the leases' 15-minute lifetime: a dead run's lease left in place fails the run.
          const args = ['apply', plan, '--json', '--yes', '--store', postgresUrl(), '--lock-wait', '60'];
          const state = ['--state', stateFile()];

          const killed = await watchChangeplane([...args, ...state], environment, (event, child) => {
            if (event.type === 'task-status' && event.task === 'marketplace:1' && event.status === 'running') {
              child.kill('SIGKILL');
            }
          });
          expect(byType(killed.events, 'run-finished')).toEqual([]);
          expect(await liveLeasesOn(entity)).toHaveLength(1);

          const resumed = await watchChangeplane([...args, ...state], environment, () => {});
          const notices = byType(resumed.events, 'notice').map((event) => String(event.message));
          expect(notices.some((message) => message.startsWith('resuming run'))).toBe(true);
          const finished = expectFinished({ ...resumed, stdout: '', stderr: '' }, 0);
          expect(finished.summary.map((row) => row.status)).toEqual(['succeeded', 'succeeded']);

          // The second starts on the first one's release (seconds), not on its lease's expiry (minutes).
          const handOffMs =
            statusAt(resumed.events, 'marketplace:2', 'running') -
            statusAt(resumed.events, 'marketplace:1', 'succeeded');
          expect(handOffMs).toBeGreaterThanOrEqual(0);
          expect(handOffMs).toBeLessThan(5_000);

          // Counted from the emulator's own listing: the plan's two change sets, each once, and no lease left.
          const { marketplace } = emulatorClients(environment);
          const listed = await marketplace.send(new ListChangeSetsCommand({ Catalog: 'AWSMarketplace' }));
          const ours = (listed.ChangeSetSummaryList ?? []).filter((item) => item.EntityIdList?.includes(entity));
          expect(ours.map((item) => item.Status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
          expect(await liveLeasesOn(entity)).toEqual([]);
        });
      }, 180_000);
    });
  });
});
