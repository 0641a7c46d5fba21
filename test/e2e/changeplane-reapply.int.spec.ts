import { DescribeChangeSetCommand, ListChangeSetsCommand } from '@aws-sdk/client-marketplace-catalog';
import { describe, expect, it } from 'vitest';
import { emulatorClients } from '../support/emulator-clients.js';
import { byType, expectFinished, homeWithCredentialFiles, runPlan, stateFile, writePlan } from './cli-files.js';
import { withEmulatorsProcess } from './run-changeplane.js';

// Re-applying an applied plan is a no-op, as terraform's is: what an earlier run applied exactly so, and
// nothing changed since, is not sent again.

const planOf = (title: string) =>
  [
    'version: 1',
    'marketplace:',
    '  changes:',
    '    - changeType: UpdateInformation',
    '      entity: {type: SaaSProduct@1.0, identifier: prod-reapply-a}',
    `      details: {ProductTitle: ${title}}`,
    '    - changeType: UpdateInformation',
    '      entity: {type: SaaSProduct@1.0, identifier: prod-reapply-b}',
    '      details: {ProductTitle: second product}',
    '',
  ].join('\n');

describe('changeplane apply, again and again', () => {
  it('should send each change once, send nothing on a re-apply and say so, and send again on --replay or an edit', async () => {
    await withEmulatorsProcess('fast', async (environment) => {
      const env = { HOME: homeWithCredentialFiles(environment) };
      const state = stateFile();
      const plan = writePlan(planOf('first title'));
      const { marketplace } = emulatorClients(environment);
      const applied = async () => {
        const listed = await marketplace.send(new ListChangeSetsCommand({ Catalog: 'AWSMarketplace' }));
        const described = await Promise.all(
          (listed.ChangeSetSummaryList ?? []).map((set) =>
            marketplace.send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: set.ChangeSetId })),
          ),
        );
        return described
          .filter((set) => set.Intent === 'APPLY' && set.Status === 'SUCCEEDED')
          .flatMap((set) => (set.ChangeSet ?? []).map((change) => change.Entity?.Identifier))
          .sort();
      };

      expectFinished(await runPlan(plan, { emulators: false, state }, env), 0);
      expect(await applied()).toEqual(['prod-reapply-a', 'prod-reapply-b']);

      for (let round = 0; round < 2; round += 1) {
        const again = await runPlan(plan, { emulators: false, state }, env);
        const finished = expectFinished(again, 0);
        expect(finished.reason).toBe('nothing was sent: every change set is applied already');
        expect(byType(again.events, 'task-status').map((event) => event.status)).not.toContain('starting');
        expect(finished.summary.map((row) => row.detail)).toEqual([
          expect.stringMatching(/^unchanged: applied by run \S+; --replay sends it again$/),
        ]);
      }
      expect(await applied()).toEqual(['prod-reapply-a', 'prod-reapply-b']);

      expectFinished(await runPlan(plan, { emulators: false, state, flags: ['--replay'] }, env), 0);
      expect(await applied()).toHaveLength(4);

      const edited = writePlan(planOf('edited title'));
      const sent = expectFinished(await runPlan(edited, { emulators: false, state }, env), 0);
      expect(sent.reason).toBe('every change set succeeded or had nothing to change');
      expect(await applied()).toHaveLength(6);
    });
  }, 120_000);
});
