import type { RosChangeSet, RosStack } from './ros-records.js';
import { rosStateErrors } from './ros-state-errors.js';

/** A CreateChangeSet ClientToken already used: what it made, and the request it came with. */
export interface RosCreateToken {
  readonly fingerprint: string;
  readonly changeSetId: string;
  readonly stackId: string;
}

const live = (changeSet: RosChangeSet) => changeSet.status !== 'DELETE_COMPLETE';

/**
 * The stacks and change sets of one ROS emulator, indexed so that no request scans every stack or change set:
 * stacks by id and by name, change sets by id and by stack. The maps are private; the state machine reads and
 * adds through these methods.
 */
export class RosStore {
  readonly #stacks = new Map<string, RosStack>();
  readonly #changeSets = new Map<string, RosChangeSet>();
  /** The latest stack made under each name (at most one of them is live: a live name cannot be taken again). */
  readonly #stackNamed = new Map<string, RosStack>();
  /** Every change set of each stack, deleted ones too. */
  readonly #changeSetsOfStack = new Map<string, RosChangeSet[]>();
  readonly #createTokens = new Map<string, RosCreateToken>();
  /** Ids of the stacks not deleted. */
  readonly #liveStacks = new Set<string>();

  /** The stack, deleted or not; StackNotFound when there never was one. */
  stack(id: string | undefined): RosStack {
    const stack = id ? this.#stacks.get(id) : undefined;
    if (!stack) throw rosStateErrors.stackNotFound(id ?? '');
    return stack;
  }

  /** The stack, if it exists and is not deleted; StackNotFound otherwise. */
  liveStack(id: string): RosStack {
    const stack = this.#stacks.get(id);
    if (!stack || stack.status === 'DELETE_COMPLETE') throw rosStateErrors.stackNotFound(id);
    return stack;
  }

  /** The live stack of that name, if any. */
  liveStackNamed(name: string): RosStack | undefined {
    const named = this.#stackNamed.get(name);
    return named && named.status !== 'DELETE_COMPLETE' ? named : undefined;
  }

  addStack(stack: RosStack): void {
    this.#stacks.set(stack.id, stack);
    this.#stackNamed.set(stack.name, stack);
    this.#liveStacks.add(stack.id);
  }

  /** How many stacks are not deleted (the per-region stack limit counts these). */
  liveStackCount(): number {
    return this.#liveStacks.size;
  }

  /** The stack and its change sets are deleted (DeleteStack). */
  deleteStack(stack: RosStack): void {
    stack.status = 'DELETE_COMPLETE';
    this.#liveStacks.delete(stack.id);
    for (const changeSet of this.changeSetsOf(stack.id)) changeSet.status = 'DELETE_COMPLETE';
  }

  /** Every stack, deleted ones too, in creation order. */
  stacks(): readonly RosStack[] {
    return [...this.#stacks.values()];
  }

  /** The change set, deleted or not; ChangeSetNotFound when there never was one. */
  changeSet(id: string | undefined): RosChangeSet {
    const changeSet = id ? this.#changeSets.get(id) : undefined;
    if (!changeSet) throw rosStateErrors.changeSetNotFound(id ?? '');
    return changeSet;
  }

  addChangeSet(changeSet: RosChangeSet): void {
    this.#changeSets.set(changeSet.id, changeSet);
    const ofStack = this.#changeSetsOfStack.get(changeSet.stackId);
    if (ofStack) ofStack.push(changeSet);
    else this.#changeSetsOfStack.set(changeSet.stackId, [changeSet]);
  }

  /** Every change set, deleted ones too, in creation order. */
  changeSets(): readonly RosChangeSet[] {
    return [...this.#changeSets.values()];
  }

  /** The stack's change sets, deleted ones too. */
  changeSetsOf(stackId: string): readonly RosChangeSet[] {
    return this.#changeSetsOfStack.get(stackId) ?? [];
  }

  /** The stack's change sets not deleted. */
  liveChangeSetsOf(stackId: string): readonly RosChangeSet[] {
    return this.changeSetsOf(stackId).filter(live);
  }

  createToken(token: string): RosCreateToken | undefined {
    return this.#createTokens.get(token);
  }

  rememberCreateToken(token: string, made: RosCreateToken): void {
    this.#createTokens.set(token, made);
  }
}
