import type { ResultAsync } from 'neverthrow';
import type { ConnectionRecord } from '../descriptor/provider-connection.js';
import type { ChangeSetError } from '../errors/change-set-error.js';
import type { ChangeSetHandle } from '../model/change-set-handle.js';
import type { ChangeSetRef } from '../model/change-set-ref.js';
import type { JournalChangeSet } from './journal-change-set.js';
import type { ConnectionsEntry, IntentEntry, OutcomeEntry } from './journal-entry.js';
import type { JournalOperation } from './journal-operation.js';
import type { RunJournalError } from './run-journal-error.js';
import type { RunFinishStatus, RunRecord, StartedRun } from './run-record.js';
import type { RunReplay } from './run-replay.js';

/** What is about to be done: recorded before the provider call. */
export interface JournalIntent {
  readonly runId: string;
  readonly taskKey: string;
  readonly operation: JournalOperation;
  readonly provider: string;
  /** The task as people name it (`marketplace set 1/2`), for `status`. */
  readonly label?: string;
  /** The token the call will carry; `clientToken(runId, taskKey, operation)` when omitted. */
  readonly clientToken?: string;
  readonly changeSetId?: string;
}

/** What came of it: recorded after the provider call, with what it returned. */
export interface JournalOutcome {
  readonly runId: string;
  readonly taskKey: string;
  readonly operation: JournalOperation;
  readonly clientToken?: string;
  readonly result:
    | { readonly handle: ChangeSetHandle }
    | { readonly ref: ChangeSetRef }
    | { readonly error: ChangeSetError };
}

/** Options of `startRun`. */
export interface StartRunOptions {
  /** Start a fresh run even when an unfinished run of the same plan exists. */
  readonly newRun?: boolean;
  /** What starts it (`apply`, `plan`), kept with a new run. */
  readonly command?: string;
  /** The plan as people name it (a file path), kept with a new run. */
  readonly plan?: string;
}

/**
 * A write-ahead journal of runs. Before every provider call that can change something (create, start,
 * cancel) the caller records the intent with its client token; after it, the outcome. Tokens are derived
 * from the run id, the task key and the operation, so a resumed run sends the same ones and the provider's
 * idempotency answers with the change set it already made.
 *
 * A run: `startRun(planHash)` (picks up the plan's unfinished run unless `newRun`), `replay(runId, tasks)`
 * to learn what is done, in flight and left, then per call `recordIntent` -> provider call ->
 * `recordOutcome`, and `finishRun`. `listChangeSets` serves `status` and `cancel`.
 */
export interface RunJournal {
  /** The unfinished run of a plan, picked up, or a new one (locking the journal for this process where it can). */
  startRun(planHash: string, options?: StartRunOptions): ResultAsync<StartedRun, RunJournalError>;
  /** The latest unfinished run of a plan, if any. */
  findUnfinishedRun(planHash: string): ResultAsync<RunRecord | undefined, RunJournalError>;
  /** Every run, oldest first. */
  listRuns(): ResultAsync<RunRecord[], RunJournalError>;
  /** The client token of one operation of one task of a run: the same on every call. */
  clientToken(runId: string, taskKey: string, operation: JournalOperation): string;
  /** Records how the run reaches each provider (never credentials): `status` and `cancel` reach them there. */
  recordConnections(
    runId: string,
    providers: Readonly<Record<string, ConnectionRecord>>,
  ): ResultAsync<ConnectionsEntry, RunJournalError>;
  /** Records what is about to be done, before the provider call. */
  recordIntent(intent: JournalIntent): ResultAsync<IntentEntry, RunJournalError>;
  /** Records what came of a call, after it. */
  recordOutcome(outcome: JournalOutcome): ResultAsync<OutcomeEntry, RunJournalError>;
  /** Marks the run ended, so a re-run of the plan starts a new one. */
  finishRun(runId: string, status: RunFinishStatus): ResultAsync<RunRecord, RunJournalError>;
  /** Every change set any run created or may have created. */
  listChangeSets(): ResultAsync<JournalChangeSet[], RunJournalError>;
  /** What is done, in flight, failed and left of a run; `taskKeys` (the plan's tasks) fills in `left`. */
  replay(runId: string, taskKeys?: readonly string[]): ResultAsync<RunReplay, RunJournalError>;
  /** Releases what the journal holds (its lock, files, connections). */
  close(): ResultAsync<void, RunJournalError>;
}
