/** One change a change set will make, as the provider reports it. */
export interface PlannedChange {
  /** What happens: `Add`, `Modify`, `Remove` (ROS) or the change type (Marketplace). */
  readonly action: string;
  /** What it happens to: a logical resource id, or `EntityType/identifier`. */
  readonly target: string;
  /** Extra detail, such as the resource type or `replacement`. */
  readonly detail?: string;
}
