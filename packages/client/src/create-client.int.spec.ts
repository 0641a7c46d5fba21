import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Host, plan, startHost } from '../../server/src/http/host-harness.spec-support.js';
import { createClient } from './create-client.js';
import type { RunStreamEvent } from './run-view.js';

const okValue = <T, E>(result: { isOk(): boolean; _unsafeUnwrap(): T; _unsafeUnwrapErr(): E }) => {
  if (!result.isOk()) throw new Error(JSON.stringify(result._unsafeUnwrapErr()));
  return result._unsafeUnwrap();
};

describe('createClient', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({}, true);
  });
  afterAll(() => host.close());

  describe('having a server whose workers carry runs out', () => {
    describe('when a plan is submitted and waited for', () => {
      it('should answer the final run and hand every event to onEvent in order', async () => {
        const client = createClient({ url: host.url, token: host.tokens.beta });
        const accepted = okValue(await client.submit(plan('alibaba-ros:web-1')));
        expect(accepted.state).toBe('queued');
        const seen: RunStreamEvent[] = [];
        const run = okValue(await client.wait(accepted.id, { onEvent: (event) => seen.push(event) }));
        expect(run).toMatchObject({ id: accepted.id, state: 'succeeded', exitCode: 0 });
        expect(seen.map((item) => item.event.type)).toEqual([
          'run-started',
          'task-added',
          'task-status',
          'run-finished',
        ]);
        const ids = seen.map((item) => item.id);
        expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      });

      it('should send a YAML string as YAML and answer the same run for the same idempotency key', async () => {
        const client = createClient({ url: `${host.url}/`, token: host.tokens.beta });
        const yaml = 'targets:\n  - provider: alibaba-ros\n    target: web-yaml\n';
        const first = okValue(await client.submit(yaml, { idempotencyKey: 'yaml-once' }));
        const again = okValue(await client.submit(yaml, { idempotencyKey: 'yaml-once' }));
        expect(again.id).toBe(first.id);
        const other = await client.submit(plan('alibaba-ros:web-other'), { idempotencyKey: 'yaml-once' });
        expect(other._unsafeUnwrapErr().kind).toBe('conflict');
        const listed = okValue(await client.listRuns({ limit: 500 }));
        expect(listed.items.map((item) => item.id)).toContain(first.id);
      });
    });
  });

  describe('having requests the server refuses', () => {
    it('should answer invalid-plan with the issues, and queue nothing', async () => {
      const client = createClient({ url: host.url, token: host.tokens.beta });
      const refused = (await client.submit({ targets: [] }))._unsafeUnwrapErr();
      expect(refused).toMatchObject({ kind: 'invalid-plan', issues: [{ path: 'targets' }] });
      const unreadable = (await client.submit('a: [', { format: 'yaml' }))._unsafeUnwrapErr();
      expect(unreadable.kind).toBe('invalid-plan');
    });

    it('should answer forbidden with the targets outside the scopes', async () => {
      const client = createClient({ url: host.url, token: host.tokens.alpha });
      const refused = (await client.submit(plan('alibaba-ros:db-1')))._unsafeUnwrapErr();
      expect(refused).toMatchObject({ kind: 'forbidden', targets: [{ provider: 'alibaba-ros', target: 'db-1' }] });
    });

    it('should answer unauthorized for an unknown token, and never show the token', async () => {
      const token = 'cp_not-a-real-token-0123456789';
      const client = createClient({ url: host.url, token });
      const refused = (await client.getRun('anything'))._unsafeUnwrapErr();
      expect(refused.kind).toBe('unauthorized');
      expect(JSON.stringify(refused)).not.toContain(token);
    });

    it('should answer not-found for another tenant run, and conflict for cancelling a finished one, forbidden to approve without the role', async () => {
      const beta = createClient({ url: host.url, token: host.tokens.beta });
      const accepted = okValue(await beta.submit(plan('alibaba-ros:web-2')));
      okValue(await beta.wait(accepted.id));
      const alpha = createClient({ url: host.url, token: host.tokens.alpha });
      expect((await alpha.getRun(accepted.id))._unsafeUnwrapErr().kind).toBe('not-found');
      expect((await beta.cancel(accepted.id))._unsafeUnwrapErr().kind).toBe('conflict');
      // beta is no approver: approving is refused before the run's state is looked at.
      expect((await beta.approve(accepted.id, 'digest'))._unsafeUnwrapErr().kind).toBe('forbidden');
    });

    it('should answer network for a server that is not there, and never show the token', async () => {
      const token = 'cp_secret-token-for-network';
      const client = createClient({ url: 'http://127.0.0.1:9', token });
      const failed = (await client.listRuns())._unsafeUnwrapErr();
      expect(failed.kind).toBe('network');
      expect(failed.message).toContain('127.0.0.1:9');
      expect(JSON.stringify(failed)).not.toContain(token);
    });

    it('should scrub the token from a message that would carry it (a header fetch refuses)', async () => {
      const token = 'cp_bad\ntoken-with-newline';
      const failed = (await createClient({ url: host.url, token }).getRun('x'))._unsafeUnwrapErr();
      expect(JSON.stringify(failed)).not.toContain('token-with-newline');
    });
  });
});
