import type { SeededStack } from '../../ros/ros-seed.js';
import { ScheduledTransitions } from '../shared/scheduled-transitions.js';
import { createFingerprint, resolveParameters, templateBodyOf } from './change-set-parameters.js';
import { checkCreateChangeSetRequest } from './create-change-set-rules.js';
import {
  completeExecution,
  failExecution,
  finishRollback,
  type RosStackAction,
  rollsBack,
  stackActionOf,
  startRollback,
} from './execution-outcome.js';
import { newChangeSet, newReviewStack } from './new-change-set.js';
import { RosError } from './ros-error.js';
import type { RosChangeSet, RosStack } from './ros-records.js';
import { rosTime } from './ros-records.js';
import type { RosRequestParameters } from './ros-request-parameters.js';
import { rosStateErrors } from './ros-state-errors.js';
import { isBusy, isDeletable, type RosChangeSetType } from './ros-statuses.js';
import { RosStore } from './ros-store.js';
import { ScriptedFailures, scriptedFailure } from './scripted-failures.js';
import { stackFromSeed } from './seeded-stack.js';
import { parseRosTemplate } from './template/ros-template.js';
import { templateChanges } from './template/template-changes.js';
import { templateProblem } from './template/template-problem.js';

/** What the emulator's timing and limits are. */
export interface RosStateSettings {
  readonly timing: { readonly createMs: number; readonly executeMs: number };
  readonly changeSetsPerStack: number;
  /** Stacks (not deleted) one account may hold, all regions together. */
  readonly stacksPerAccount: number;
  readonly templates: Readonly<Record<string, string>>;
  /** The stacks the account holds from the start and after a reset. */
  readonly seed: readonly SeededStack[];
}

/** Where reads of a region that holds nothing yet look: no stacks, no change sets. */
const emptyRegion = new RosStore();

/**
 * Stacks and change sets of one ROS emulator, one store per RegionId (a stack in cn-hangzhou is not seen from
 * cn-beijing, as every API page takes RegionId), with the state machine of the CreateChangeSet,
 * ExecuteChangeSet and DeleteChangeSet pages. Every check-and-change happens synchronously, so concurrent
 * calls cannot race.
 */
export class RosState {
  readonly #regions = new Map<string, RosStore>();
  readonly #transitions = new ScheduledTransitions();
  /** Failures scripted through the control API. */
  readonly failures = new ScriptedFailures();

  constructor(readonly settings: RosStateSettings) {
    this.#plantSeed();
  }

  /** Back to the seed: every change set and stack made since gone, scripted failures and transitions dropped. */
  reset(): void {
    this.#transitions.cancelAll();
    this.failures.clear();
    this.#regions.clear();
    this.#plantSeed();
  }

  #plantSeed(): void {
    this.settings.seed.forEach((seeded, index) => {
      this.#regionForWrite(seeded.regionId).addStack(stackFromSeed(seeded, index));
    });
  }

  /** The region's store, for reading (MissingParameter without a RegionId). */
  #region(regionId: string | undefined): RosStore {
    if (!regionId) throw RosError.missing('RegionId');
    return this.#regions.get(regionId) ?? emptyRegion;
  }

  /** The region's store, made on the first write there. */
  #regionForWrite(regionId: string): RosStore {
    let store = this.#regions.get(regionId);
    if (!store) {
      store = new RosStore();
      this.#regions.set(regionId, store);
    }
    return store;
  }

  createChangeSet(params: RosRequestParameters): { changeSetId: string; stackId: string } {
    checkCreateChangeSetRequest(params);
    const store = this.#regionForWrite(params.get('RegionId')!);
    const token = params.get('ClientToken');
    const fingerprint = createFingerprint(params);
    const seen = token ? store.createToken(token) : undefined;
    if (seen) {
      if (seen.fingerprint !== fingerprint) throw rosStateErrors.idempotentMismatch();
      return { changeSetId: seen.changeSetId, stackId: seen.stackId };
    }
    const type = (params.get('ChangeSetType') ?? 'UPDATE') as RosChangeSetType;
    const templateBody = templateBodyOf(params, this.settings.templates);
    const template = parseRosTemplate(templateBody);
    const existing = this.#targetStack(store, params, type);
    const parameters = resolveParameters(template, params, existing);
    if (existing) this.#checkRoom(store, existing, params.get('ChangeSetName')!);
    else this.#checkStackLimit();
    const stack = existing ?? newReviewStack(params);
    if (!existing) store.addStack(stack);
    const changeSet = newChangeSet(params, stack, { type, template, templateBody, parameters });
    store.addChangeSet(changeSet);
    if (token) store.rememberCreateToken(token, { fingerprint, changeSetId: changeSet.id, stackId: stack.id });
    const scripted = this.failures.take(changeSet.regionId, stack.name, 'create');
    this.#transitions.after(this.settings.timing.createMs / 2, () => {
      if (changeSet.status === 'CREATE_PENDING') changeSet.status = 'CREATE_IN_PROGRESS';
      this.#transitions.after(this.settings.timing.createMs / 2, () =>
        this.#finishCreate(changeSet, stack, scripted?.reason),
      );
    });
    return { changeSetId: changeSet.id, stackId: stack.id };
  }

  executeChangeSet(params: RosRequestParameters): void {
    const store = this.#region(params.get('RegionId'));
    const changeSet = store.changeSet(params.get('ChangeSetId'));
    const token = params.get('ClientToken');
    if (token !== undefined && (token.length > 64 || !/^[A-Za-z0-9_-]+$/.test(token))) {
      throw RosError.invalid('ClientToken', 'up to 64 letters, digits, hyphens and underscores');
    }
    // The same token again: the execution already happened, answer as the first time.
    if (token && changeSet.executeToken === token) return;
    const stack = store.stack(changeSet.stackId);
    if (isBusy(stack.status)) throw rosStateErrors.actionInProgress(stack);
    if (changeSet.status !== 'CREATE_COMPLETE' || changeSet.executionStatus !== 'AVAILABLE') {
      throw rosStateErrors.invalidChangeSetStatus(changeSet, 'executed');
    }
    if (token) changeSet.executeToken = token;
    changeSet.executionStatus = 'EXECUTE_IN_PROGRESS';
    const action = stackActionOf(changeSet, stack);
    stack.status = `${action}_IN_PROGRESS`;
    deleteSiblings(store.liveChangeSetsOf(stack.id), changeSet);
    const scripted = this.failures.take(changeSet.regionId, stack.name, 'execute');
    this.#transitions.after(this.settings.timing.executeMs, () => {
      if (stack.status !== `${action}_IN_PROGRESS`) return; // cancelled meanwhile
      if (!scripted) return completeExecution(changeSet, stack, action);
      const failure = scriptedFailure(scripted, changeSet);
      failExecution(changeSet, stack, action, failure);
      if (rollsBack(changeSet, action)) this.#rollBack(changeSet, stack, action);
    });
  }

  /** `<ACTION>_FAILED` stays visible a moment, then `<ROLLBACK>_IN_PROGRESS`, then `<ROLLBACK>_COMPLETE`. */
  #rollBack(changeSet: RosChangeSet, stack: RosStack, action: RosStackAction): void {
    const { executeMs } = this.settings.timing;
    this.#transitions.after(executeMs / 2, () => {
      startRollback(stack, action);
      this.#transitions.after(executeMs, () => finishRollback(changeSet, stack, action));
    });
  }

  getChangeSet(regionId: string | undefined, id: string | undefined): RosChangeSet {
    return this.#region(regionId).changeSet(id);
  }

  getStack(regionId: string | undefined, id: string | undefined): RosStack {
    return this.#region(regionId).stack(id);
  }

  /** The region's stacks, deleted ones too (ListStacks filters them). */
  stacks(regionId: string | undefined): readonly RosStack[] {
    return this.#region(regionId).stacks();
  }

  /** The stack's change sets not deleted (ListChangeSets). */
  liveChangeSetsOf(regionId: string | undefined, stackId: string): readonly RosChangeSet[] {
    return this.#region(regionId).liveChangeSetsOf(stackId);
  }

  /** Every stack of every region, deleted ones too (for tests to inspect). */
  allStacks(): readonly RosStack[] {
    return [...this.#regions.values()].flatMap((store) => store.stacks());
  }

  /** Every change set of every region, deleted ones too (for tests to inspect). */
  allChangeSets(): readonly RosChangeSet[] {
    return [...this.#regions.values()].flatMap((store) => store.changeSets());
  }

  /**
   * DeleteChangeSet (computed or failed, never executed). A CREATE change set's stack stays: the page says
   * "you must delete stacks associated with the change set" yourself.
   */
  deleteChangeSet(regionId: string | undefined, id: string | undefined): void {
    const changeSet = this.#region(regionId).changeSet(id);
    if (!isDeletable(changeSet.status, changeSet.executionStatus)) {
      throw rosStateErrors.invalidChangeSetStatus(changeSet, 'deleted');
    }
    changeSet.status = 'DELETE_COMPLETE';
  }

  /** DeleteStack for a stack that holds no resources yet (REVIEW_IN_PROGRESS) or has settled. */
  deleteStack(regionId: string | undefined, stackId: string | undefined): void {
    const store = this.#region(regionId);
    const stack = store.stack(stackId);
    if (isBusy(stack.status)) throw rosStateErrors.actionInProgress(stack);
    store.deleteStack(stack);
  }

  cancelUpdateStack(regionId: string | undefined, stackId: string | undefined): void {
    const store = this.#region(regionId);
    const stack = store.stack(stackId);
    if (stack.status !== 'UPDATE_IN_PROGRESS') throw rosStateErrors.cancelNotSupported(stack);
    stack.status = 'UPDATE_ROLLBACK_IN_PROGRESS';
    const executing = store
      .changeSetsOf(stack.id)
      .find((changeSet) => changeSet.executionStatus === 'EXECUTE_IN_PROGRESS');
    this.#transitions.after(Math.min(50, this.settings.timing.executeMs), () => {
      stack.status = 'UPDATE_ROLLBACK_COMPLETE';
      stack.statusReason = 'Stack update cancelled by user.';
      stack.updateTime = rosTime();
      if (executing) executing.executionStatus = 'EXECUTE_FAILED';
    });
  }

  /** Every pending transition dropped (the emulator closes). */
  close(): void {
    this.#transitions.cancelAll();
  }

  /** The stack a change set of this type is for: the one named (UPDATE, IMPORT), none for a new one. */
  #targetStack(store: RosStore, params: RosRequestParameters, type: RosChangeSetType): RosStack | undefined {
    // StackId takes effect only with UPDATE or IMPORT (ignored for CREATE).
    const stackId = type === 'CREATE' ? undefined : params.get('StackId');
    const name = params.get('StackName')!;
    const stack = stackId ? store.liveStack(stackId) : store.liveStackNamed(name);
    if (!stackId && stack && type === 'CREATE') throw rosStateErrors.stackExists(name);
    if (stack && isBusy(stack.status)) throw rosStateErrors.actionInProgress(stack);
    return stack;
  }

  /** A name not taken among the stack's change sets, and room under the per-stack limit. */
  #checkRoom(store: RosStore, stack: RosStack, name: string): void {
    const onStack = store.liveChangeSetsOf(stack.id);
    if (onStack.some((changeSet) => changeSet.name === name)) throw rosStateErrors.changeSetExists(name, stack);
    const limit = this.settings.changeSetsPerStack;
    if (onStack.length >= limit) throw rosStateErrors.changeSetLimit(stack, onStack.length, limit);
  }

  /**
   * A new stack needs room under the account's limit: "Each Alibaba Cloud account can create up to 200
   * stacks" (CreateStack page); the page names no region, so every region's stacks count.
   */
  #checkStackLimit(): void {
    const limit = this.settings.stacksPerAccount;
    let held = 0;
    for (const store of this.#regions.values()) held += store.liveStackCount();
    if (held >= limit) throw rosStateErrors.stackLimit(limit);
  }

  #finishCreate(changeSet: RosChangeSet, stack: RosStack, scriptedReason: string | undefined): void {
    if (changeSet.status !== 'CREATE_IN_PROGRESS') return;
    const problem = scriptedReason ?? templateProblem(changeSet.template);
    if (problem) {
      changeSet.status = 'CREATE_FAILED';
      changeSet.statusReason = problem;
      return;
    }
    const parametersChanged = JSON.stringify(stack.parameters) !== JSON.stringify(changeSet.parameters);
    changeSet.changes = templateChanges({
      before: stack.template,
      after: changeSet.template,
      changedParameters: stack.template ? changedParameters(stack.parameters, changeSet.parameters) : new Set(),
      stackId: stack.id,
    });
    changeSet.status = 'CREATE_COMPLETE';
    if (changeSet.type === 'UPDATE' && changeSet.changes.length === 0 && !parametersChanged) {
      changeSet.statusReason = "The submitted information didn't contain changes.";
      return; // ExecutionStatus stays UNAVAILABLE: nothing to execute.
    }
    changeSet.executionStatus = 'AVAILABLE';
  }
}

/** The parameters given another value (or given, or dropped) by a change set. */
function changedParameters(before: Record<string, string>, after: Record<string, string>): Set<string> {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return new Set([...names].filter((name) => before[name] !== after[name]));
}

/**
 * Executing a change set deletes the stack's other change sets that were never executed (DeleteChangeSet and
 * ExecuteChangeSet pages: "other change sets associated with the same stack ... are also deleted"); one
 * executed before keeps its own ExecutionStatus.
 */
function deleteSiblings(onStack: readonly RosChangeSet[], executed: RosChangeSet): void {
  for (const other of onStack) {
    const neverExecuted = other.executionStatus === 'AVAILABLE' || other.executionStatus === 'UNAVAILABLE';
    if (other === executed || !neverExecuted) continue;
    other.status = 'DELETE_COMPLETE';
    other.statusReason = `Deleted: change set ${executed.name} of the stack was executed.`;
  }
}
