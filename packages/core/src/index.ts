/**
 * `@changeplane/core`: the user contract. The change-set model and provider interface, the error union,
 * the planner and scheduler, entity-lock stores, run journals and the DI registry. What adapters are built
 * from is in `@changeplane/core/adapter`.
 *
 * @module
 */
export { ChangeSetRegistry } from './di/change-set-registry.js';
export { createChangeSetContainer } from './di/create-change-set-container.js';
export { ChangeSetProviderToken, EntityLockStoreToken, RunJournalToken } from './di/tokens.js';
export type {
  AbortedError,
  AccessDeniedError,
  AuthenticationError,
  ChangeSetError,
  ChangeSetErrorBase,
  ChangeSetErrorOf,
  ConflictError,
  LockedError,
  NetworkError,
  NotFoundError,
  ProviderFaultError,
  QuotaExceededError,
  ThrottledError,
  TimeoutError,
  ValidationError,
} from './errors/change-set-error.js';
export { type ChangeSetErrorKind, changeSetErrorKinds } from './errors/change-set-error-kind.js';
export { isChangeSetError, isErrorKind } from './errors/is-change-set-error.js';
export {
  type SerializedCause,
  type SerializedChangeSetError,
  serializeChangeSetError,
} from './errors/serialize-change-set-error.js';
export type { ValidationIssue } from './errors/validation-issue.js';
export { mayHaveTakenEffect } from './errors/with-client-token.js';
export { EntryLogRunJournal } from './journal/entry-log-run-journal.js';
export { FileRunJournal, type FileRunJournalOptions } from './journal/file-run-journal.js';
export { InMemoryRunJournal } from './journal/in-memory-run-journal.js';
export type { JournalChangeSet } from './journal/journal-change-set.js';
export type {
  ConnectionsEntry,
  FailedOutcomeEntry,
  IntentEntry,
  JournalEntry,
  OutcomeEntry,
  RunFinishedEntry,
  RunStartedEntry,
  SucceededOutcomeEntry,
} from './journal/journal-entry.js';
export { type JournalOperation, journalOperations } from './journal/journal-operation.js';
export { planContentHash } from './journal/plan-content-hash.js';
export type { JournalIntent, JournalOutcome, RunJournal, StartRunOptions } from './journal/run-journal.js';
export { type RunJournalError, runJournalError } from './journal/run-journal-error.js';
export type { RunFinishStatus, RunRecord, StartedRun } from './journal/run-record.js';
export type { OperationReplay, RunReplay, TaskReplay, TaskState } from './journal/run-replay.js';
export type { EntityLease } from './locks/entity-lease.js';
export type { EntityLockStore } from './locks/entity-lock-store.js';
export { InMemoryEntityLockStore } from './locks/in-memory-entity-lock-store.js';
export type { ChangeSetHandle } from './model/change-set-handle.js';
export type { ChangeSetRef } from './model/change-set-ref.js';
export type { ChangeSetState } from './model/change-set-state.js';
export { type ChangeSetStatus, changeSetStatuses, isSettledStatus } from './model/change-set-status.js';
export type { JsonValue } from './model/json-value.js';
export type { PlannedChange } from './model/planned-change.js';
export type { StartedChangeSet } from './model/started-change-set.js';
export { type ChangeSetDependencies, changeSetDependencies } from './planner/change-set-dependencies.js';
export { planChangeSets } from './planner/plan-change-sets.js';
export type { ChangeSetPlan, PlannedChangeSet } from './planner/planned-change-set.js';
export type { PlanningPolicy } from './planner/planning-policy.js';
export { runChangeSetSchedule, type ScheduleEvent, type ScheduleOptions } from './planner/run-change-set-schedule.js';
export type { ScheduleOutcome, ScheduleReport } from './planner/schedule-outcome.js';
export type { CallOptions } from './provider/call-options.js';
export type { ChangeSetProvider } from './provider/change-set-provider.js';
export type { CreateOptions } from './provider/create-options.js';
export type { StartOptions } from './provider/start-options.js';
export type { WaitOptions } from './provider/wait-options.js';
export { defaultRetryPolicy, type RetryPolicy } from './retry/retry-policy.js';
export { defaultWaiterPolicy, type WaiterPolicy } from './waiter/waiter-policy.js';
