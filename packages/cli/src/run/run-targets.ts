import type { MarketplaceChangeSetRequest } from '@changeplane/aws-marketplace';
import type { ChangeSetPlan, PlannedChangeSet } from '@changeplane/core';
import type { RosChangeSetRequest } from '@changeplane/ros';

/** One ROS stack of the plan: one change set. */
export interface RosTarget {
  readonly task: string;
  readonly label: string;
  readonly request: RosChangeSetRequest;
}

/** One Marketplace change set the planner made out of the plan's changes. */
export interface MarketplaceTarget {
  readonly task: string;
  readonly label: string;
  readonly set: PlannedChangeSet;
  readonly request: MarketplaceChangeSetRequest;
}

export interface RunTargets {
  readonly ros: readonly RosTarget[];
  readonly marketplace: readonly MarketplaceTarget[];
  readonly marketplacePlan?: ChangeSetPlan;
  readonly marketplaceConcurrency: number;
}
