import { randomUUID } from 'node:crypto';
import type { FakeQueueChange } from './fake-queue-request.js';

/** What the service says of a change set. */
export interface FakeChangeSetRecord {
  readonly id: string;
  status: 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';
  reason?: string;
  readonly changes: readonly FakeQueueChange[];
  readonly startedAt: string;
}

/** A refusal of the service: its own code, as a real service would answer. */
export interface FakeServiceFault {
  readonly code: 'InvalidSignature' | 'ChangeSetNotFound' | 'ChangeSetEnded' | 'ServiceClosed';
  readonly message: string;
}

export interface FakeQueueCredentials {
  readonly keyId: string;
  readonly secret: string;
}

// The "network": providers reach a service by its endpoint, so a fresh provider finds the same one.
const listening = new Map<string, FakeQueueService>();

/** The service listening at `endpoint`, if any. */
export const fakeQueueServiceAt = (endpoint: string) => listening.get(endpoint);

/**
 * A tiny in-process queue service with change sets: a start (idempotent per token) runs for `runMs`, then
 * applies its changes in order or fails on the first impossible one (creating a queue that exists, resizing
 * or deleting one that does not); a running change set can be cancelled.
 */
export class FakeQueueService {
  readonly endpoint = `memory://fake-queues/${randomUUID()}`;
  readonly credentials: FakeQueueCredentials = { keyId: 'FAKEKEY', secret: `fake-secret-${randomUUID()}` };
  readonly queues = new Map<string, number>();
  readonly starts: string[] = [];
  private readonly changeSets = new Map<string, FakeChangeSetRecord>();
  private readonly byToken = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly runMs: number) {
    listening.set(this.endpoint, this);
  }

  start(
    credentials: FakeQueueCredentials,
    token: string,
    changes: readonly FakeQueueChange[],
  ): FakeChangeSetRecord | FakeServiceFault {
    const refused = this.refuse(credentials);
    if (refused) return refused;
    const known = this.byToken.get(token);
    if (known) return this.changeSets.get(known)!;
    const record: FakeChangeSetRecord = {
      id: `fcs-${randomUUID()}`,
      status: 'RUNNING',
      changes,
      startedAt: new Date().toISOString(),
    };
    this.changeSets.set(record.id, record);
    this.byToken.set(token, record.id);
    this.starts.push(record.id);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (record.status === 'RUNNING') this.apply(record);
    }, this.runMs);
    this.timers.add(timer);
    return record;
  }

  describe(credentials: FakeQueueCredentials, id: string): FakeChangeSetRecord | FakeServiceFault {
    return this.refuse(credentials) ?? this.changeSets.get(id) ?? notFound(id);
  }

  cancel(credentials: FakeQueueCredentials, id: string): FakeChangeSetRecord | FakeServiceFault {
    const found = this.describe(credentials, id);
    if ('code' in found) return found;
    if (found.status !== 'RUNNING') return { code: 'ChangeSetEnded', message: `change set ${id} is ${found.status}` };
    found.status = 'CANCELLED';
    return found;
  }

  close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    listening.delete(this.endpoint);
    return Promise.resolve();
  }

  private refuse(credentials: FakeQueueCredentials): FakeServiceFault | undefined {
    if (!listening.has(this.endpoint)) return { code: 'ServiceClosed', message: 'the service is closed' };
    return credentials.keyId === this.credentials.keyId && credentials.secret === this.credentials.secret
      ? undefined
      : { code: 'InvalidSignature', message: `the signature of key ${credentials.keyId} does not match` };
  }

  private apply(record: FakeChangeSetRecord): void {
    const next = new Map(this.queues);
    for (const change of record.changes) {
      const exists = next.has(change.queue);
      if (change.action === 'create' ? exists : !exists) {
        record.status = 'FAILED';
        record.reason = `cannot ${change.action} queue ${change.queue}: it ${exists ? 'exists' : 'does not exist'}`;
        return;
      }
      if (change.action === 'delete') next.delete(change.queue);
      else next.set(change.queue, change.size ?? 1);
    }
    for (const [queue, size] of next) this.queues.set(queue, size);
    for (const queue of this.queues.keys()) if (!next.has(queue)) this.queues.delete(queue);
    record.status = 'DONE';
  }
}

const notFound = (id: string): FakeServiceFault => ({ code: 'ChangeSetNotFound', message: `no change set ${id}` });
