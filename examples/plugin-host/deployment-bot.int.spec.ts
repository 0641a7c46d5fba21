import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, freshDatabase, type ServeProcess, startServe } from '../../test/e2e/serve-process.js';
import { deploy } from './deployment-bot.js';

const marketplacePlan = (entity: string) => ({
  version: 1,
  name: 'deployment-bot',
  marketplace: {
    changes: [
      {
        changeType: 'UpdateInformation',
        entity: { type: 'SaaSProduct@1.0', identifier: entity },
        details: { ProductTitle: 'from the bot' },
      },
    ],
  },
});

describe('examples/plugin-host deploy', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: ServeProcess;
  let token: string;
  let rosOnly: string;
  beforeAll(async () => {
    database = await freshDatabase();
    server = await startServe(['--store', database.url, '--emulators'], {});
    token = await createToken(database.url, ['--tenant', 'bots', '--name', 'bot', '--scope', 'aws-marketplace:*']);
    rosOnly = await createToken(database.url, ['--tenant', 'bots', '--name', 'ros', '--scope', 'alibaba-ros:*']);
  }, 60_000);
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (server) await new Promise((resolve) => server.child.once('close', resolve));
    await database?.drop();
  }, 60_000);

  describe('having a bot host with emulators and a token', () => {
    describe('when called with a plan', () => {
      it('should submit it, log the run as it goes, and answer the succeeded run', async () => {
        const lines: string[] = [];
        const plan = marketplacePlan(`prod-bot-${randomUUID().slice(0, 8)}`);
        const run = await deploy(plan, { url: server.url, token, log: (line) => lines.push(line) });
        expect(run._unsafeUnwrap()).toMatchObject({ state: 'succeeded', exitCode: 0 });
        expect(lines[0]).toMatch(/^run \S+ queued/);
        expect(lines.at(-1)).toMatch(/: succeeded$/);
      }, 60_000);
    });

    describe('when the token does not cover the plan', () => {
      it('should answer forbidden with the targets, as a value', async () => {
        const refused = await deploy(marketplacePlan('prod-outside'), {
          url: server.url,
          token: rosOnly,
          log: () => {},
        });
        expect(refused._unsafeUnwrapErr()).toMatchObject({
          kind: 'forbidden',
          targets: [{ provider: 'aws-marketplace', target: 'SaaSProduct@1.0/prod-outside' }],
        });
      });
    });
  });
});
