import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresUrl } from '../support/postgres-test-schema.js';
import { byType, runPlan, writePlan } from './cli-files.js';

describe('changeplane apply --store postgres://', () => {
  it('should journal every intent and outcome in PostgreSQL and finish the run there', async () => {
    const name = `store-${randomUUID()}`;
    const plan = writePlan(
      `version: 1\nname: ${name}\nmarketplace:\n  changes:\n    - changeType: UpdateInformation\n      entity: {type: SaaSProduct@1.0, identifier: prod-store}\n      details: {ProductTitle: x}\n`,
    );
    const result = await runPlan(plan, { flags: ['--store', postgresUrl()] });
    expect(result.code).toBe(0);
    const [started] = byType(result.events, 'run-started') as { runId: string }[];
    const client = new pg.Client({ connectionString: postgresUrl() });
    await client.connect();
    try {
      const rows = await client.query<{ entry: { type: string; operation?: string } }>(
        'SELECT entry FROM changeplane.run_entries WHERE run_id = $1 ORDER BY seq',
        [started!.runId],
      );
      const kinds = rows.rows.map(({ entry }) => `${entry.type}${entry.operation ? `:${entry.operation}` : ''}`);
      expect(kinds).toEqual([
        'run-started',
        'connections',
        'intent:create',
        'outcome:create',
        'intent:start',
        'outcome:start',
        'run-finished',
      ]);
    } finally {
      await client.end();
    }
  });

  it('should refuse a store that is not PostgreSQL before starting anything', async () => {
    const result = await runPlan('examples/plans/demo.yaml', { flags: ['--store', 'redis://127.0.0.1'] });
    expect(result.code).toBe(2);
    expect(JSON.stringify(byType(result.events, 'notice'))).toContain('--store takes a postgres:// URL');
  });
});
