import { createChangeSetError } from '@changeplane/core/adapter';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../exit-codes.js';
import { earlyExitCode, runVerdict } from './exit-policy.js';
import type { TaskOutcome, TaskResult } from './task-outcome.js';

const ref = { provider: 'p', changeSetId: 'cs-1', scope: {} };
const state = (status: 'succeeded' | 'failed' | 'cancelled') => ({ ref, status, rawStatus: status.toUpperCase() });
const result = (outcome: TaskOutcome, task = 't'): TaskResult => ({
  task,
  label: task,
  provider: 'p',
  changeCount: 1,
  outcome,
});
const error = (kind: 'validation' | 'locked' | 'network' | 'conflict') =>
  kind === 'validation'
    ? createChangeSetError('validation', { provider: 'p', operation: 'create', message: 'bad', issues: [] })
    : kind === 'locked'
      ? createChangeSetError('locked', { provider: 'p', operation: 'start', message: 'busy', entities: ['e'] })
      : createChangeSetError(kind, { provider: 'p', operation: 'start', message: kind });

describe(runVerdict, () => {
  describe('having every change set succeed or have nothing to change', () => {
    it('should exit 0', () => {
      expect(
        runVerdict([result({ kind: 'succeeded', state: state('succeeded') }), result({ kind: 'no-changes' })]).exitCode,
      ).toBe(ExitCode.success);
    });
  });

  describe('having a provider refuse one target while preparing', () => {
    it('should exit 2 and say nothing was started, which is true', () => {
      const verdict = runVerdict([
        result({ kind: 'prepare-failed', error: error('validation') }, 'ros'),
        result({ kind: 'not-started', reason: 'prepare-failed' }, 'marketplace'),
      ]);
      expect(verdict).toEqual({ exitCode: ExitCode.invalidInput, reason: 'invalid input, nothing was started' });
    });
  });

  describe('having a network failure while preparing', () => {
    it('should exit 4', () => {
      expect(runVerdict([result({ kind: 'prepare-failed', error: error('network') })]).exitCode).toBe(ExitCode.error);
    });
  });

  describe('having one change set fail after another succeeded', () => {
    it('should exit 1, not 2: something was started', () => {
      const verdict = runVerdict([
        result({ kind: 'succeeded', state: state('succeeded') }),
        result({ kind: 'failed', state: state('failed') }),
        result({ kind: 'skipped', blockedBy: 'set 1' }),
      ]);
      expect(verdict.exitCode).toBe(ExitCode.changeSetFailed);
    });
  });

  describe('having lock contention', () => {
    it('should exit 3 and say how to wait for the lock instead', () => {
      const verdict = runVerdict([result({ kind: 'start-failed', error: error('locked') })]);
      expect(verdict.exitCode).toBe(ExitCode.lockContention);
      expect(verdict.reason).toContain('--lock-wait <seconds>');
    });
  });

  describe('having an interrupt', () => {
    it('should exit 130, whatever else happened', () => {
      const verdict = runVerdict([
        result({ kind: 'failed', state: state('failed') }),
        result({ kind: 'interrupted', ref }),
      ]);
      expect(verdict).toEqual({ exitCode: ExitCode.interrupted, reason: 'interrupted' });
    });
  });

  describe('having the prompt declined', () => {
    it('should exit 1 saying nothing was started', () => {
      expect(runVerdict([result({ kind: 'not-started', reason: 'declined' })])).toEqual({
        exitCode: ExitCode.changeSetFailed,
        reason: 'apply was declined, nothing was started',
      });
    });
  });

  describe('having plan --detailed-exitcode', () => {
    it('should tell changes (2) from no changes (0) and errors (1)', () => {
      const detailed = { detailedPlan: true };
      expect(runVerdict([result({ kind: 'previewed', changes: 3, kept: false })], detailed).exitCode).toBe(2);
      expect(runVerdict([result({ kind: 'no-changes' })], detailed).exitCode).toBe(0);
      expect(runVerdict([result({ kind: 'prepare-failed', error: error('conflict') })], detailed).exitCode).toBe(1);
    });
  });
});

describe(earlyExitCode, () => {
  describe('having plan --detailed-exitcode', () => {
    it('should make every error 1, so that 2 only ever means changes', () => {
      for (const code of [ExitCode.invalidInput, ExitCode.lockContention, ExitCode.error, ExitCode.changeSetFailed])
        expect(earlyExitCode(code, { detailedPlan: true })).toBe(1);
      expect(earlyExitCode(ExitCode.success, { detailedPlan: true })).toBe(0);
      expect(earlyExitCode(ExitCode.interrupted, { detailedPlan: true })).toBe(130);
    });
  });

  describe('having any other command', () => {
    it('should keep the code', () => {
      expect(earlyExitCode(ExitCode.invalidInput)).toBe(ExitCode.invalidInput);
      expect(earlyExitCode(ExitCode.error, { detailedPlan: false })).toBe(ExitCode.error);
    });
  });
});
