import { ScheduledTransitions } from '../shared/scheduled-transitions.js';
import { createFingerprint, resolveParameters, templateBodyOf } from './change-set-parameters.js';
import { checkCreateChangeSetRequest } from './create-change-set-rules.js';
import { completeExecution, failExecution, stackActionOf } from './execution-outcome.js';
import { newChangeSet, newReviewStack } from './new-change-set.js';
import { RosError } from './ros-error.js';
import type { RosChangeSet, RosStack } from './ros-records.js';
import { rosTime } from './ros-records.js';
import type { RosRequestParameters } from './ros-request-parameters.js';
import { rosStateErrors } from './ros-state-errors.js';
import { isBusy, isDeletable, type RosChangeSetType } from './ros-statuses.js';
import { RosStore } from './ros-store.js';
import { parseRosTemplate } from './template/ros-template.js';
import { failsOnExecution, templateChanges } from './template/template-changes.js';
import { templateProblem } from './template/template-problem.js';

/** What the emulator's timing and limits are. */
export interface RosStateSettings {
  readonly timing: { readonly createMs: number; readonly executeMs: number };
  readonly changeSetsPerStack: number;
  readonly templates: Readonly<Record<string, string>>;
}

/**
 * Stacks and change sets of one ROS emulator, with the state machine of the CreateChangeSet and
 * ExecuteChangeSet pages. Every check-and-change happens synchronously, so concurrent calls cannot race.
 */
export class RosState {
  readonly #store = new RosStore();
  readonly #transitions = new ScheduledTransitions();

  constructor(readonly settings: RosStateSettings) {}

  createChangeSet(params: RosRequestParameters): { changeSetId: string; stackId: string } {
    checkCreateChangeSetRequest(params);
    const token = params.get('ClientToken');
    const fingerprint = createFingerprint(params);
    const seen = token ? this.#store.createToken(token) : undefined;
    if (seen) {
      if (seen.fingerprint !== fingerprint) throw rosStateErrors.idempotentMismatch();
      return { changeSetId: seen.changeSetId, stackId: seen.stackId };
    }
    const type = (params.get('ChangeSetType') ?? 'UPDATE') as RosChangeSetType;
    const templateBody = templateBodyOf(params, this.settings.templates);
    const template = parseRosTemplate(templateBody);
    const existing = this.#targetStack(params, type);
    const parameters = resolveParameters(template, params, existing);
    if (existing) this.#checkRoom(existing, params.get('ChangeSetName')!);
    const stack = existing ?? newReviewStack(params);
    if (!existing) this.#store.addStack(stack);
    const changeSet = newChangeSet(params, stack, { type, template, templateBody, parameters });
    this.#store.addChangeSet(changeSet);
    if (token) this.#store.rememberCreateToken(token, { fingerprint, changeSetId: changeSet.id, stackId: stack.id });
    this.#transitions.after(this.settings.timing.createMs / 2, () => {
      if (changeSet.status === 'CREATE_PENDING') changeSet.status = 'CREATE_IN_PROGRESS';
      this.#transitions.after(this.settings.timing.createMs / 2, () => this.#finishCreate(changeSet, stack));
    });
    return { changeSetId: changeSet.id, stackId: stack.id };
  }

  executeChangeSet(params: RosRequestParameters): void {
    const changeSet = this.#store.changeSet(params.get('ChangeSetId'));
    const token = params.get('ClientToken');
    if (token !== undefined && (token.length > 64 || !/^[A-Za-z0-9_-]+$/.test(token))) {
      throw RosError.invalid('ClientToken', 'up to 64 letters, digits, hyphens and underscores');
    }
    // The same token again: the execution already happened, answer as the first time.
    if (token && changeSet.executeToken === token) return;
    const stack = this.#store.stack(changeSet.stackId);
    if (isBusy(stack.status)) throw rosStateErrors.actionInProgress(stack);
    if (changeSet.status !== 'CREATE_COMPLETE' || changeSet.executionStatus !== 'AVAILABLE') {
      throw rosStateErrors.invalidChangeSetStatus(changeSet, 'executed');
    }
    if (token) changeSet.executeToken = token;
    changeSet.executionStatus = 'EXECUTE_IN_PROGRESS';
    const action = stackActionOf(changeSet, stack);
    stack.status = `${action}_IN_PROGRESS`;
    for (const other of this.#store.liveChangeSetsOf(stack.id)) {
      if (other !== changeSet) other.executionStatus = 'OBSOLETE';
    }
    this.#transitions.after(this.settings.timing.executeMs, () => {
      if (stack.status !== `${action}_IN_PROGRESS`) return; // cancelled meanwhile
      const failure = failsOnExecution(changeSet.template);
      if (failure) failExecution(changeSet, stack, action, failure);
      else completeExecution(changeSet, stack, action);
    });
  }

  getChangeSet(id: string | undefined): RosChangeSet {
    return this.#store.changeSet(id);
  }

  getStack(id: string | undefined): RosStack {
    return this.#store.stack(id);
  }

  /** Every stack, deleted ones too (ListStacks filters them). */
  stacks(): readonly RosStack[] {
    return this.#store.stacks();
  }

  /** Every change set, deleted ones too. */
  changeSets(): readonly RosChangeSet[] {
    return this.#store.changeSets();
  }

  /** The stack's change sets not deleted (ListChangeSets). */
  liveChangeSetsOf(stackId: string): readonly RosChangeSet[] {
    return this.#store.liveChangeSetsOf(stackId);
  }

  deleteChangeSet(id: string | undefined): void {
    const changeSet = this.#store.changeSet(id);
    if (!isDeletable(changeSet.status, changeSet.executionStatus)) {
      throw rosStateErrors.invalidChangeSetStatus(changeSet, 'deleted');
    }
    changeSet.status = 'DELETE_COMPLETE';
    const stack = this.#store.stack(changeSet.stackId);
    // A stack that only ever existed for review goes with its last change set.
    if (stack.status === 'REVIEW_IN_PROGRESS' && this.#store.liveChangeSetsOf(stack.id).length === 0) {
      stack.status = 'DELETE_COMPLETE';
    }
  }

  /** DeleteStack for a stack that holds no resources yet (REVIEW_IN_PROGRESS) or has settled. */
  deleteStack(stackId: string | undefined): void {
    const stack = this.#store.stack(stackId);
    if (isBusy(stack.status)) throw rosStateErrors.actionInProgress(stack);
    stack.status = 'DELETE_COMPLETE';
    for (const changeSet of this.#store.changeSetsOf(stack.id)) changeSet.status = 'DELETE_COMPLETE';
  }

  cancelUpdateStack(stackId: string | undefined): void {
    const stack = this.#store.stack(stackId);
    if (stack.status !== 'UPDATE_IN_PROGRESS') throw rosStateErrors.cancelNotSupported(stack);
    stack.status = 'UPDATE_ROLLBACK_IN_PROGRESS';
    const executing = this.#store
      .changeSetsOf(stack.id)
      .find((changeSet) => changeSet.executionStatus === 'EXECUTE_IN_PROGRESS');
    this.#transitions.after(Math.min(50, this.settings.timing.executeMs), () => {
      stack.status = 'UPDATE_ROLLBACK_COMPLETE';
      stack.statusReason = 'Stack update cancelled by user.';
      stack.updateTime = rosTime();
      if (executing) executing.executionStatus = 'EXECUTE_FAILED';
    });
  }

  close(): void {
    this.#transitions.cancelAll();
  }

  /** The stack a change set of this type is for: the one named (UPDATE, IMPORT), none for a new one. */
  #targetStack(params: RosRequestParameters, type: RosChangeSetType): RosStack | undefined {
    // StackId takes effect only with UPDATE or IMPORT (ignored for CREATE).
    const stackId = type === 'CREATE' ? undefined : params.get('StackId');
    const name = params.get('StackName')!;
    const stack = stackId ? this.#store.liveStack(stackId) : this.#store.liveStackNamed(name);
    if (!stackId && stack && type === 'CREATE') throw rosStateErrors.stackExists(name);
    if (stack && isBusy(stack.status)) throw rosStateErrors.actionInProgress(stack);
    return stack;
  }

  /** A name not taken among the stack's change sets, and room under the per-stack limit. */
  #checkRoom(stack: RosStack, name: string): void {
    const onStack = this.#store.liveChangeSetsOf(stack.id);
    if (onStack.some((changeSet) => changeSet.name === name)) throw rosStateErrors.changeSetExists(name, stack);
    const limit = this.settings.changeSetsPerStack;
    if (onStack.length >= limit) throw rosStateErrors.changeSetLimit(stack, onStack.length, limit);
  }

  #finishCreate(changeSet: RosChangeSet, stack: RosStack): void {
    if (changeSet.status !== 'CREATE_IN_PROGRESS') return;
    const problem = templateProblem(changeSet.template);
    if (problem) {
      changeSet.status = 'CREATE_FAILED';
      changeSet.statusReason = problem;
      return;
    }
    const parametersChanged = JSON.stringify(stack.parameters) !== JSON.stringify(changeSet.parameters);
    changeSet.changes = templateChanges(
      stack.template,
      changeSet.template,
      stack.template !== undefined && parametersChanged,
    );
    changeSet.status = 'CREATE_COMPLETE';
    if (changeSet.type === 'UPDATE' && changeSet.changes.length === 0 && !parametersChanged) {
      changeSet.statusReason = "The submitted information didn't contain changes.";
      return; // ExecutionStatus stays UNAVAILABLE: nothing to execute.
    }
    changeSet.executionStatus = 'AVAILABLE';
  }
}
