/**
 * What a provider tells the planner about its changes. The planner knows nothing else of them: it packs
 * opaque changes by these keys.
 */
export interface PlanningPolicy<Change> {
  /** Provider id for the validation error, when a batch cannot be planned. */
  readonly provider: string;
  /** The most changes one set may hold. */
  readonly capacity: number;
  /** The rule name reported when two changes of one group conflict (default `conflict`). */
  readonly conflictRule?: string;
  /**
   * What the change touches (an entity). Changes with one order key keep their batch order across sets, and
   * sets that share one run in plan order. `undefined`: it touches nothing that exists yet.
   */
  orderKey(change: Change): string | undefined;
  /** Two changes with the same order key and the same conflict key never share a set. `undefined`: none. */
  conflictKey(change: Change): string | undefined;
  /** The key by which other changes link to this one (unique in a batch). */
  groupKey?(change: Change): string | undefined;
  /** Group keys of the changes this one must share a set with. */
  groupLinks?(change: Change): readonly string[] | undefined;
}
