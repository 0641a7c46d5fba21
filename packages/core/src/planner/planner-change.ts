/** What the planner needs to know of one change: nothing provider-specific beyond these. */
export interface PlannerChange {
  /** The entity it targets (`DataProduct@1.0/prod-123`), or none for a change that creates a new entity. */
  readonly entity?: string;
  readonly changeType: string;
  /** The change's name, by which other changes of the batch reference it (`$Name.Entity.Identifier`). */
  readonly changeName?: string;
  /** Names of the changes this one references: they must travel in the same change set. */
  readonly references?: readonly string[];
}
