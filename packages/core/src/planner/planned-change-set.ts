/** One change set of a plan: which changes of the batch go in it, in their original order. */
export interface PlannedChangeSet {
  /** Position in the plan; sets that share an entity must run in this order. */
  readonly index: number;
  /**
   * Depth in the dependency order: sets of one level share no entity and can all run at once; a set of
   * level n runs after the sets of lower levels that touch its entities.
   */
  readonly level: number;
  /** Indexes into the batch, ascending. */
  readonly changeIndexes: readonly number[];
  /** Entities the set touches, each once, in the order the batch first names them. */
  readonly entities: readonly string[];
}

/** What planChangeSets returns: the sets, level by level, and their dependencies. */
export interface ChangeSetPlan {
  readonly sets: readonly PlannedChangeSet[];
  /** The number of levels: the most change sets any one entity (or chain of entities) needs in sequence. */
  readonly levels: number;
}
