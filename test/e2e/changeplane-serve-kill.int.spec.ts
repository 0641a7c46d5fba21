import { randomUUID } from 'node:crypto';
import { ListChangeSetsCommand } from '@aws-sdk/client-marketplace-catalog';
import { describe, expect, it } from 'vitest';
import { emulatorClients } from '../support/emulator-clients.js';
import { withEmulatorsProcess } from './run-changeplane.js';
import { createToken, freshDatabase, type ServeProcess, startServe } from './serve-process.js';

const terminal = new Set(['succeeded', 'failed', 'cancelled']);

function planFor(entity: string, title: string): string {
  return JSON.stringify({
    version: 1,
    name: `serve-${entity}`,
    marketplace: {
      changes: [
        {
          changeType: 'UpdateInformation',
          entity: { type: 'SaaSProduct@1.0', identifier: entity },
          details: { ProductTitle: title },
        },
      ],
    },
  });
}

async function api(server: ServeProcess, token: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('changeplane serve', () => {
  describe('having two servers on one store and runs flowing', () => {
    describe('when one is killed with SIGKILL mid-run', () => {
      it('should let the other adopt its runs within 30 s and finish every run, each change set made once', async () => {
        const database = await freshDatabase();
        try {
          await withEmulatorsProcess('slow', async (environment) => {
            const args = ['--store', database.url, '--concurrency', '4'];
            const first = await startServe(args, environment);
            const second = await startServe(args, environment);
            try {
              const token = await createToken(database.url, [
                '--tenant',
                'platform',
                '--name',
                'bot',
                '--scope',
                'aws-marketplace:*',
              ]);
              const entities = Array.from(
                { length: 6 },
                (_, index) => `prod-kill-${index}-${randomUUID().slice(0, 6)}`,
              );
              // Two runs on each entity: the second waits for the first one's locks.
              const runIds: string[] = [];
              for (const round of ['one', 'two'])
                for (const entity of entities) {
                  const submitted = await api(first, token, '/v1/runs', {
                    method: 'POST',
                    body: planFor(entity, round),
                  });
                  expect(submitted.status).toBe(202);
                  runIds.push(String(submitted.body.id));
                }
              // Kill the first server while runs it claimed are under way.
              await until(
                'a running run',
                async () => {
                  const listed = await api(second, token, '/v1/runs?state=running');
                  return (listed.body.items as unknown[]).length >= 2 ? true : undefined;
                },
                30_000,
              );
              first.child.kill('SIGKILL');
              const killedAt = Date.now();

              let lastSeen = '';
              const runs = await until(
                'every run to end',
                async () => {
                  // One listing per poll: the per-token rate limit answers a burst of single reads with 429.
                  const listed = await api(second, token, '/v1/runs');
                  const views = ((listed.body.items ?? []) as Record<string, unknown>[]).filter((run) =>
                    runIds.includes(String(run.id)),
                  );
                  lastSeen = `${listed.status}: ${views.map((view) => view.state).join(', ')}`;
                  return views.length === runIds.length && views.every((view) => terminal.has(String(view.state)))
                    ? views
                    : undefined;
                },
                150_000,
              ).catch((error: Error) => {
                throw new Error(`${error.message}; runs: ${lastSeen}\n${second.log().slice(-3000)}`);
              });
              expect(runs.map((run) => run.state)).toEqual(runIds.map(() => 'succeeded'));

              const audit = await api(second, token, '/v1/audit');
              const adoptions = (audit.body.items as { action: string; at: string }[]).filter(
                (row) => row.action === 'adopted',
              );
              expect(adoptions.length).toBeGreaterThan(0);
              const longestAdoptionMs = Math.max(...adoptions.map((row) => Date.parse(row.at) - killedAt));
              expect(longestAdoptionMs).toBeLessThan(30_000);

              // Counted from the emulator's own listing: two change sets per entity, each made once.
              const { marketplace } = emulatorClients(environment);
              const listed = await marketplace.send(
                new ListChangeSetsCommand({ Catalog: 'AWSMarketplace', MaxResults: 20 }),
              );
              const all = [...(listed.ChangeSetSummaryList ?? [])];
              let next = listed.NextToken;
              while (next) {
                const page = await marketplace.send(
                  new ListChangeSetsCommand({ Catalog: 'AWSMarketplace', MaxResults: 20, NextToken: next }),
                );
                all.push(...(page.ChangeSetSummaryList ?? []));
                next = page.NextToken;
              }
              for (const entity of entities) {
                const ours = all.filter((item) => item.EntityIdList?.includes(entity));
                expect(ours.map((item) => item.Status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
              }
              console.info(
                `serve kill: longest adoption ${longestAdoptionMs} ms after SIGKILL, ${adoptions.length} adopted`,
              );
            } finally {
              first.child.kill('SIGKILL');
              second.child.kill('SIGTERM');
              await new Promise((resolve) => second.child.once('close', resolve));
            }
          });
        } finally {
          await database.drop();
        }
      }, 240_000);
    });
  });
});
