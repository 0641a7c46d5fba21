import type { ConnectionRecord } from '../descriptor/provider-connection.js';
import type { SerializedChangeSetError } from '../errors/serialize-change-set-error.js';
import type { ChangeSetHandle } from '../model/change-set-handle.js';
import type { ChangeSetRef } from '../model/change-set-ref.js';
import type { JournalOperation } from './journal-operation.js';
import type { RunFinishStatus } from './run-record.js';

/** A run began: its id and the content hash of its plan (and, when the caller says, the command and plan file). */
export interface RunStartedEntry {
  readonly type: 'run-started';
  readonly runId: string;
  readonly planHash: string;
  /** What started it (`apply`, `plan`), for people reading the runs back. */
  readonly command?: string;
  /** The plan as people name it (a file path), for the same. */
  readonly plan?: string;
  readonly at: string;
}

/** How the run reached each provider (by provider id): where `status` and `cancel` reach them later. */
export interface ConnectionsEntry {
  readonly type: 'connections';
  readonly runId: string;
  readonly providers: Readonly<Record<string, ConnectionRecord>>;
  readonly at: string;
}

/** Written before a provider call that can change something, with the client token the call carries. */
export interface IntentEntry {
  readonly type: 'intent';
  readonly runId: string;
  /** The plan's name for the task (`ros:web-network`, `marketplace:set-1`): stable across re-runs of one plan. */
  readonly taskKey: string;
  readonly operation: JournalOperation;
  readonly provider: string;
  /** The task as people name it (`marketplace set 1/2`), when the caller said. */
  readonly label?: string;
  readonly clientToken: string;
  /** The change set acted on, for `start` and `cancel` when it has an id already. */
  readonly changeSetId?: string;
  readonly at: string;
}

interface OutcomeBase {
  readonly type: 'outcome';
  readonly runId: string;
  readonly taskKey: string;
  readonly operation: JournalOperation;
  readonly clientToken: string;
  readonly at: string;
}

/** The call answered: the handle (`create`) or the ref (`start`, `cancel`) it gave. */
export interface SucceededOutcomeEntry extends OutcomeBase {
  readonly ok: true;
  readonly handle?: ChangeSetHandle;
  readonly ref?: ChangeSetRef;
}

/**
 * The call ended in an error. `mayHaveTakenEffect` is true when the provider may have acted anyway (network,
 * timeout, provider fault, throttling after retries, abort): a resumed run re-sends the same token to find out.
 */
export interface FailedOutcomeEntry extends OutcomeBase {
  readonly ok: false;
  readonly error: SerializedChangeSetError;
  readonly mayHaveTakenEffect: boolean;
}

/** The outcome of a call: what it returned, or its error. */
export type OutcomeEntry = SucceededOutcomeEntry | FailedOutcomeEntry;

/** The run ended: nothing of it is left to do. */
export interface RunFinishedEntry {
  readonly type: 'run-finished';
  readonly runId: string;
  readonly status: RunFinishStatus;
  readonly at: string;
}

/** One line of a run journal: plain JSON data, in the order it was written. */
export type JournalEntry = RunStartedEntry | ConnectionsEntry | IntentEntry | OutcomeEntry | RunFinishedEntry;

const entryTypes: ReadonlySet<string> = new Set(['run-started', 'connections', 'intent', 'outcome', 'run-finished']);

/** True when `value` has the shape of a journal entry (what a reader keeps of a line that parsed). */
export function isJournalEntry(value: unknown): value is JournalEntry {
  if (value === null || typeof value !== 'object') return false;
  const { type, runId } = value as { type?: unknown; runId?: unknown };
  return typeof type === 'string' && entryTypes.has(type) && typeof runId === 'string';
}
