import type { ChangeSetError } from '@changeplane/core';
import { ExitCode } from '../../exit-codes.js';
import type { TaskResult } from './task-outcome.js';

/** What a run ended as, before it becomes a number. */
export interface RunVerdict {
  readonly exitCode: ExitCode;
  /** One sentence that is true of the run. */
  readonly reason: string;
}

const changeSetKinds: ReadonlySet<ChangeSetError['kind']> = new Set(['validation', 'conflict', 'quota-exceeded']);

function errorOf(result: TaskResult): ChangeSetError | undefined {
  const { outcome } = result;
  if (outcome.kind === 'prepare-failed' || outcome.kind === 'start-failed') return outcome.error;
  if (outcome.kind === 'failed') return outcome.error;
  return undefined;
}

/** `plan --detailed-exitcode` (terraform's convention): 0 no changes, 2 changes, this for any error. */
const detailedPlanError = 1;

/**
 * The exit code of a command that finished before any change set was prepared (a usage error, an invalid or
 * missing plan file, no provider reachable): as given, except under `plan --detailed-exitcode`, where any
 * error is 1 so that 2 keeps meaning "there are changes". An interrupt stays 130.
 */
export function earlyExitCode(exitCode: ExitCode, options: { detailedPlan?: boolean } = {}): number {
  if (!options.detailedPlan || exitCode === ExitCode.success || exitCode === ExitCode.interrupted) return exitCode;
  return detailedPlanError;
}

/**
 * The one exit policy of `apply` and `plan`. Interrupted runs exit 130. When nothing was started, a
 * problem with the input (local or found by the provider while preparing) is 2, lock contention 3, any
 * other error 4. Once something was started: lock contention 3, an error of the command's own calls 4,
 * a change set that failed, was cancelled or skipped 1.
 */
export function runVerdict(results: readonly TaskResult[], options: { detailedPlan?: boolean } = {}): RunVerdict {
  const has = (kind: TaskResult['outcome']['kind']) => results.some((result) => result.outcome.kind === kind);
  const errors = results.map(errorOf).filter((error): error is ChangeSetError => error !== undefined);
  const started = results.some((result) =>
    ['succeeded', 'started', 'start-failed', 'failed', 'cancelled', 'interrupted'].includes(result.outcome.kind),
  );
  if (has('interrupted') || results.some((r) => r.outcome.kind === 'not-started' && r.outcome.reason === 'interrupted'))
    return { exitCode: ExitCode.interrupted, reason: 'interrupted' };
  if (options.detailedPlan) {
    if (errors.length > 0) return { exitCode: detailedPlanError, reason: 'the plan could not be prepared' };
    return has('previewed')
      ? { exitCode: 2, reason: 'the plan has changes' }
      : { exitCode: ExitCode.success, reason: 'no changes' };
  }
  if (errors.some((error) => error.kind === 'locked'))
    return {
      exitCode: ExitCode.lockContention,
      reason:
        'an entity or stack was locked by another change set; `apply --lock-wait <seconds>` waits for it instead of failing',
    };
  if (errors.some((error) => !changeSetKinds.has(error.kind)))
    return { exitCode: ExitCode.error, reason: 'a provider call failed' };
  if (!started && errors.length > 0)
    return { exitCode: ExitCode.invalidInput, reason: 'invalid input, nothing was started' };
  if (results.some((result) => result.outcome.kind === 'not-started' && result.outcome.reason === 'declined'))
    return { exitCode: ExitCode.changeSetFailed, reason: 'apply was declined, nothing was started' };
  if (has('failed') || has('cancelled') || has('skipped') || has('start-failed'))
    return { exitCode: ExitCode.changeSetFailed, reason: 'a change set did not succeed' };
  if (results.every((result) => result.outcome.kind === 'unchanged' || result.outcome.kind === 'no-changes'))
    return { exitCode: ExitCode.success, reason: 'nothing was sent: every change set is applied already' };
  return { exitCode: ExitCode.success, reason: 'every change set succeeded or had nothing to change' };
}
