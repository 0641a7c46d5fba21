import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { postgresUrl } from '../support/postgres-test-schema.js';
import { byType, expectFinished, stateFile, writePlan } from './cli-files.js';
import { runChangeplane, watchChangeplane, withEmulatorsProcess } from './run-changeplane.js';

/** Starts `apply` in the background; `started` resolves once its change set is running, `done` at exit. */
function applyInBackground(args: string[], env: NodeJS.ProcessEnv) {
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const done = watchChangeplane(args, env, (event) => {
    if (event.type === 'task-status' && event.status === 'running') markStarted();
  });
  return { started, done };
}

describe('changeplane apply --lock-wait with a shared --store', () => {
  it('should wait for an entity another bot holds, not refuse it at create, and then apply', async () => {
    await withEmulatorsProcess('slow', async (environment) => {
      const entity = `prod-lock-wait-${randomUUID().slice(0, 8)}`;
      const planOf = (bot: string) =>
        writePlan(
          `version: 1\nname: ${bot}-${entity}\nmarketplace:\n  changes:\n    - changeType: UpdateInformation\n      entity: {type: SaaSProduct@1.0, identifier: ${entity}}\n      details: {ProductTitle: ${bot}}\n`,
        );
      const argsOf = (bot: string) => [
        'apply',
        planOf(bot),
        '--json',
        '--yes',
        '--store',
        postgresUrl(),
        '--lock-wait',
        '120',
        '--state',
        stateFile(),
      ];

      const first = applyInBackground(argsOf('first'), environment);
      await first.started;
      // The first bot's change set holds the entity now: the second must wait for it, at create too.
      const second = await runChangeplane(argsOf('second'), environment);
      const firstResult = await first.done;

      expectFinished(second, 0);
      expect(firstResult.code).toBe(0);
      const statuses = byType(second.events, 'task-status').map((event) => event.status);
      expect(statuses).toContain('waiting-for-lock');
      expect(statuses).toContain('succeeded');
    });
  }, 180_000);
});
