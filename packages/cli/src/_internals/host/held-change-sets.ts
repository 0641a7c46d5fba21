import type { ChangeSetRef, RunJournal } from '@changeplane/core';
import type { ConnectionRecord } from '@changeplane/core/adapter';
import type { HeldChangeSet } from '@changeplane/server';
import type { RunEvent } from '../output/run-event.js';
import { lockKeyOf } from './checked-plan-of.js';

/** Statuses a change set never leaves. */
const finalStatuses: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled']);

/** What a held lock records of its change set: enough for any server to ask the provider about it later. */
export interface HeldReference {
  readonly changeSet: ChangeSetRef;
  readonly connection: ConnectionRecord;
}

/**
 * Watches a hosted run's events and, for each change set it starts, tells the host which locks now wait on
 * it, with the reference and connection from the journal (the events carry only the change set's id); the
 * change sets it sees end are added to `settled`.
 */
export class HeldChangeSets {
  readonly #journal: RunJournal;
  readonly #hold: (changeSet: HeldChangeSet) => Promise<void>;
  readonly #locksOfTask: ReadonlyMap<string, readonly string[]>;
  readonly #settled: Set<string>;
  readonly #changeSetOfTask = new Map<string, string>();
  #journalRunId: string | undefined;
  #pending: Promise<void> = Promise.resolve();

  constructor(
    journal: RunJournal,
    hold: (changeSet: HeldChangeSet) => Promise<void>,
    conflictKeysOfTask: ReadonlyMap<string, { readonly provider: string; readonly keys: readonly string[] }>,
    settled: Set<string>,
  ) {
    this.#journal = journal;
    this.#settled = settled;
    this.#hold = hold;
    this.#locksOfTask = new Map(
      [...conflictKeysOfTask].map(([task, { provider, keys }]) => [task, keys.map((key) => lockKeyOf(provider, key))]),
    );
  }

  observe(event: RunEvent): void {
    if (event.type === 'run-started') this.#journalRunId = event.runId;
    if (event.type !== 'task-status') return;
    const changeSetId = event.changeSetId ?? this.#changeSetOfTask.get(event.task);
    // Seen final at the provider: the host's question "is it final?" needs no second call.
    // Only those that hold locks: the host asks about those once each, which takes them out again.
    const holdsLocks = (this.#locksOfTask.get(event.task)?.length ?? 0) > 0;
    if (changeSetId && holdsLocks && finalStatuses.has(event.status)) this.#settled.add(changeSetId);
    if (event.status !== 'running' || !event.changeSetId) return;
    this.#changeSetOfTask.set(event.task, event.changeSetId);
    const { task } = event;
    this.#pending = this.#pending.then(() => this.#record(task));
  }

  /** Resolves once every hold seen so far is recorded (failures are the host's to retry; a run goes on). */
  settled(): Promise<void> {
    return this.#pending;
  }

  async #record(task: string): Promise<void> {
    const locks = this.#locksOfTask.get(task);
    if (!this.#journalRunId || !locks || locks.length === 0) return;
    const replay = await this.#journal.replay(this.#journalRunId);
    if (replay.isErr()) return;
    const started = replay.value.done.find((entry) => entry.taskKey === task)?.ref;
    const connection = started ? replay.value.run.providers?.[started.provider] : undefined;
    if (!started || !connection) return;
    const reference: HeldReference = { changeSet: started, connection };
    await this.#hold({ locks, provider: started.provider, ref: reference }).catch(() => undefined);
  }
}
