import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identity, plan, submitted } from '../../../../test/support/host-fixtures.js';
import { freshSchema, postgresUrl } from '../../../../test/support/postgres-test-schema.js';
import { valueOrThrow } from '../../../../test/support/value-or-throw.js';
import { PostgresHostStore } from './postgres-host-store.js';

describe(PostgresHostStore, () => {
  const { schema, drop } = freshSchema('host_store');
  let store: PostgresHostStore;
  beforeAll(async () => {
    // Several stores migrating at once must not trip over each other.
    const opened = await Promise.all(
      Array.from({ length: 3 }, () => PostgresHostStore.open({ connectionString: postgresUrl() }, { schema })),
    );
    const stores = opened.map((result) => valueOrThrow(result, 'opening'));
    store = stores[0]!;
    await Promise.all(stores.slice(1).map((other) => other.close()));
  });
  afterAll(async () => {
    await store?.close();
    await drop();
  });

  describe('having a token created', () => {
    describe('when verified, listed and revoked', () => {
      it('should find it by hash only, never store it, and refuse it once revoked', async () => {
        const made = valueOrThrow(await store.createToken(identity('acme', { approver: true })), 'creating');
        expect(made.token).toMatch(/^cp_[A-Za-z0-9_-]{43}$/);
        expect((await store.verifyToken(made.token))._unsafeUnwrap()).toMatchObject({ tenant: 'acme', approver: true });
        expect((await store.verifyToken(`${made.token}x`))._unsafeUnwrap()).toBeUndefined();
        const again = await store.createToken(identity('acme'));
        expect(again._unsafeUnwrapErr()).toMatchObject({ kind: 'exists' });
        const client = new pg.Client({ connectionString: postgresUrl() });
        await client.connect();
        const stored = await client.query(`SELECT * FROM "${schema}".tokens`).finally(() => client.end());
        expect(JSON.stringify(stored.rows)).not.toContain(made.token.slice(3));
        expect((await store.listTokens())._unsafeUnwrap().map((token) => token.name)).toEqual(['acme-bot']);
        expect((await store.revokeToken('acme-bot'))._unsafeUnwrap()).toBe(true);
        expect((await store.revokeToken('acme-bot'))._unsafeUnwrap()).toBe(false);
        expect((await store.verifyToken(made.token))._unsafeUnwrap()).toBeUndefined();
        expect((await store.listTokens())._unsafeUnwrap()[0]?.revokedAt).toBeDefined();
      });
    });
  });

  describe('having runs submitted', () => {
    describe('when read and listed', () => {
      it('should show them queued with their place in line and the locks they wait on', async () => {
        const first = await submitted(store, 'list-a', ['p:list-x']);
        const second = await submitted(store, 'list-a', ['p:list-x', 'p:list-y']);
        const view = (await store.getRun(second))._unsafeUnwrap();
        expect(view).toMatchObject({ state: 'queued', position: 2, reason: 'waiting for p:list-x', tenant: 'list-a' });
        expect((await store.getRun(first))._unsafeUnwrap()).toMatchObject({ position: 1, reason: 'next in line' });
        const page = (await store.listRuns({ tenant: 'list-a', limit: 1 }))._unsafeUnwrap();
        expect(page.items.map((run) => run.id)).toEqual([first]);
        const rest = (await store.listRuns({ tenant: 'list-a', cursor: page.next! }))._unsafeUnwrap();
        expect(rest.items.map((run) => run.id)).toEqual([second]);
        expect(rest.next).toBeUndefined();
        expect((await store.getRun('not-a-uuid'))._unsafeUnwrap()).toBeUndefined();
      });
    });
  });

  describe('having an idempotency key', () => {
    describe('when the same tenant submits again', () => {
      it('should give back the first run for the same plan and refuse another plan', async () => {
        const first = (
          await store.submit({ identity: identity('idem'), plan: plan(['p:idem']), idempotencyKey: 'k1' })
        )._unsafeUnwrap();
        const again = (
          await store.submit({ identity: identity('idem'), plan: plan(['p:idem']), idempotencyKey: 'k1' })
        )._unsafeUnwrap();
        expect(first.created).toBe(true);
        expect(again).toMatchObject({ created: false, run: { id: first.run.id } });
        const other = await store.submit({
          identity: identity('idem'),
          plan: plan(['p:idem'], 'changed'),
          idempotencyKey: 'k1',
        });
        expect(other._unsafeUnwrapErr()).toMatchObject({ kind: 'idempotency-conflict', runId: first.run.id });
        const otherTenant = (
          await store.submit({ identity: identity('idem-2'), plan: plan(['p:idem']), idempotencyKey: 'k1' })
        )._unsafeUnwrap();
        expect(otherTenant.created).toBe(true);
      });
    });
  });

  describe('having a queued run', () => {
    describe('when cancelled', () => {
      it('should be cancelled at once, audited, and a second cancel is a conflict', async () => {
        const id = await submitted(store, 'cancel', ['p:cancel']);
        const cancelled = (await store.cancel(id, identity('cancel')))._unsafeUnwrap();
        expect(cancelled).toMatchObject({ state: 'cancelled', reason: 'cancelled by cancel-bot' });
        expect(cancelled.finishedAt).toBeDefined();
        expect((await store.cancel(id, identity('cancel')))._unsafeUnwrapErr()).toMatchObject({
          kind: 'conflict',
          state: 'cancelled',
        });
        const missing = await store.cancel('00000000-0000-4000-8000-000000000000', identity('cancel'));
        expect(missing._unsafeUnwrapErr()).toMatchObject({ kind: 'not-found' });
        const audit = (await store.readAudit({ run: id }))._unsafeUnwrap();
        expect(audit.items.map((row) => row.action)).toEqual(['submitted', 'cancelled']);
      });
    });
  });

  describe('having audit rows', () => {
    describe('when one is updated or deleted', () => {
      it('should refuse: the log is append-only', async () => {
        await store.appendAudit({ actor: 'unknown', action: 'auth-refused', detail: { route: '/v1/runs' } });
        const client = new pg.Client({ connectionString: postgresUrl() });
        await client.connect();
        try {
          await expect(client.query(`UPDATE "${schema}".audit SET actor = 'x'`)).rejects.toThrow(/append-only/);
          await expect(client.query(`DELETE FROM "${schema}".audit`)).rejects.toThrow(/append-only/);
          await expect(client.query(`TRUNCATE "${schema}".audit`)).rejects.toThrow(/append-only/);
        } finally {
          await client.end();
        }
        const rows = (await store.readAudit({ limit: 1000 }))._unsafeUnwrap();
        expect(rows.items.some((row) => row.action === 'auth-refused' && row.actor === 'unknown')).toBe(true);
      });
    });
  });
});
