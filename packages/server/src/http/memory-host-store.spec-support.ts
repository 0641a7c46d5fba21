import { randomUUID } from 'node:crypto';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import type {
  AuditRow,
  HostStore,
  Page,
  RunActionError,
  StoredEvent,
  StoreError,
  Submission,
  SubmitError,
  TokenIdentity,
  TokenListing,
} from '../host/host-store.js';
import type { RunState, RunView } from '../host/run-view.js';
import type { RunnerEvent } from '../plan-runner.js';

/**
 * A HostStore in memory for the HTTP specs until the PostgreSQL one runs beside them: same contract, no queue
 * (runs stay `queued` until a spec moves them with `setState` and `emit`).
 */
export class MemoryHostStore implements HostStore {
  readonly audit: AuditRow[] = [];
  private readonly tokens = new Map<string, TokenListing>();
  private readonly runs = new Map<string, RunView>();
  private readonly keys = new Map<string, { runId: string; digest: string }>();
  private readonly events: StoredEvent[] = [];
  private readonly watchers = new Map<string, Set<() => void>>();
  failing = false;

  createToken(identity: TokenIdentity) {
    if ([...this.tokens.values()].some((item) => item.name === identity.name)) {
      return errAsync({ kind: 'exists' as const, message: `a token named ${identity.name} exists` });
    }
    const token = `cp_${randomUUID()}`;
    this.tokens.set(token, { ...identity, createdAt: new Date().toISOString() });
    return okAsync({ token });
  }
  listTokens() {
    return okAsync([...this.tokens.values()] as readonly TokenListing[]);
  }
  revokeToken(name: string) {
    const found = [...this.tokens.entries()].find(([, item]) => item.name === name);
    if (found) this.tokens.set(found[0], { ...found[1], revokedAt: new Date().toISOString() });
    return okAsync(Boolean(found));
  }
  verifyToken(token: string): ResultAsync<TokenIdentity | undefined, StoreError> {
    if (this.failing) return errAsync({ kind: 'store', message: 'connection refused to secret-host' });
    const found = this.tokens.get(token);
    return okAsync(found && !found.revokedAt ? found : undefined);
  }

  submit({ identity, plan, idempotencyKey }: Submission): ResultAsync<{ run: RunView; created: boolean }, SubmitError> {
    const key = idempotencyKey ? `${identity.tenant}/${idempotencyKey}` : undefined;
    const earlier = key ? this.keys.get(key) : undefined;
    if (earlier && earlier.digest !== plan.digest) {
      return errAsync({ kind: 'idempotency-conflict', message: 'key used for another plan', runId: earlier.runId });
    }
    if (earlier) return okAsync({ run: this.runs.get(earlier.runId)!, created: false });
    const run: RunView = {
      id: randomUUID(),
      tenant: identity.tenant,
      submittedBy: identity.name,
      state: 'queued',
      position: this.runs.size + 1,
      digest: plan.digest,
      locks: plan.locks,
      tasks: [],
      createdAt: new Date().toISOString(),
      ...(identity.requiresApproval ? { awaitingApproval: { digest: plan.digest } } : {}),
    };
    this.runs.set(run.id, run);
    if (key) this.keys.set(key, { runId: run.id, digest: plan.digest });
    return okAsync({ run, created: true });
  }
  getRun(runId: string) {
    return okAsync(this.runs.get(runId));
  }
  listRuns(filter: { tenant?: string; state?: RunState; cursor?: string; limit?: number }) {
    const all = [...this.runs.values()].filter(
      (run) => (!filter.tenant || run.tenant === filter.tenant) && (!filter.state || run.state === filter.state),
    );
    return okAsync(pageOf(all, filter.cursor, filter.limit));
  }
  cancel(runId: string): ResultAsync<RunView, RunActionError> {
    const run = this.runs.get(runId);
    if (!run) return errAsync({ kind: 'not-found', message: `no run ${runId}` });
    if (!['queued', 'running'].includes(run.state)) {
      return errAsync({ kind: 'conflict', message: `run is ${run.state}`, state: run.state });
    }
    return okAsync(this.setState(runId, 'cancelled'));
  }
  approve(runId: string, digest: string, approve: boolean): ResultAsync<RunView, RunActionError> {
    const run = this.runs.get(runId);
    if (!run) return errAsync({ kind: 'not-found', message: `no run ${runId}` });
    if (run.awaitingApproval?.digest !== digest) {
      return errAsync({ kind: 'conflict', message: 'not awaiting approval of that digest', state: run.state });
    }
    const { awaitingApproval: _, ...rest } = run;
    this.runs.set(runId, rest);
    return okAsync(approve ? rest : this.setState(runId, 'cancelled'));
  }

  readEvents(runId: string, afterId = 0) {
    return okAsync(this.events.filter((item) => item.runId === runId && item.id > afterId));
  }
  async watch(runId: string, listener: () => void) {
    const set = this.watchers.get(runId) ?? new Set();
    set.add(listener);
    this.watchers.set(runId, set);
    return async () => void set.delete(listener);
  }
  appendAudit(row: Omit<AuditRow, 'id' | 'at'>) {
    this.audit.push({ ...row, id: String(this.audit.length + 1), at: new Date().toISOString() });
    return okAsync(undefined);
  }
  readAudit(filter: { tenant?: string; run?: string; since?: string; cursor?: string; limit?: number }) {
    const rows = this.audit.filter(
      (row) =>
        (!filter.tenant || row.tenant === filter.tenant) &&
        (!filter.run || row.run === filter.run) &&
        (!filter.since || row.at >= filter.since),
    );
    return okAsync(pageOf(rows, filter.cursor, filter.limit));
  }
  async ready() {
    return !this.failing;
  }
  async close() {}

  /** Spec hooks: what the workers do in the real host. */
  emit(runId: string, event: RunnerEvent): void {
    this.events.push({ id: this.events.length + 1, runId, event });
    for (const listener of this.watchers.get(runId) ?? []) listener();
  }
  setState(runId: string, state: RunState): RunView {
    const run = { ...this.runs.get(runId)!, state };
    this.runs.set(runId, run);
    for (const listener of this.watchers.get(runId) ?? []) listener();
    return run;
  }
}

function pageOf<Item>(items: readonly Item[], cursor: string | undefined, limit = 100): Page<Item> {
  const start = /^\d+$/.test(cursor ?? '') ? Number(cursor) : 0;
  const page = items.slice(start, start + limit);
  return start + limit < items.length ? { items: page, next: String(start + limit) } : { items: page };
}
