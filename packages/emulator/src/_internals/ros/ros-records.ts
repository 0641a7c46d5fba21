import type { RosChangeSetStatus, RosChangeSetType, RosExecutionStatus, RosStackStatus } from './ros-statuses.js';
import type { RosTemplate } from './template/ros-template.js';

export interface RosTag {
  readonly Key: string;
  readonly Value?: string;
}

/** Where a stack's or change set's template came from (GetStack shows the source it was last given). */
export interface RosTemplateSource {
  readonly templateId?: string;
  readonly templateVersion?: string;
  readonly templateURL?: string;
  readonly templateScratchId?: string;
}

export interface RosStack {
  readonly id: string;
  readonly name: string;
  readonly regionId: string;
  status: RosStackStatus;
  statusReason?: string;
  template?: RosTemplate;
  templateBody?: string;
  templateSource: RosTemplateSource;
  parameters: Record<string, string>;
  readonly createTime: string;
  updateTime?: string;
  timeoutInMinutes: number;
  disableRollback: boolean;
  tags: RosTag[];
  notificationURLs: string[];
  ramRoleName?: string;
  readonly resourceGroupId: string;
  parallelism?: number;
  /** Why the last operation failed (GetStack's OperationInfo), while it stands. */
  operationInfo?: Record<string, string> | undefined;
}

export interface RosChangeSet {
  readonly id: string;
  readonly name: string;
  readonly stackId: string;
  readonly type: RosChangeSetType;
  readonly regionId: string;
  status: RosChangeSetStatus;
  executionStatus: RosExecutionStatus;
  statusReason?: string;
  changes: unknown[];
  readonly template: RosTemplate;
  readonly templateBody: string;
  readonly parameters: Record<string, string>;
  readonly createTime: string;
  readonly description?: string;
  readonly timeoutInMinutes?: number;
  readonly disableRollback: boolean;
  readonly tags: RosTag[];
  readonly notificationURLs: string[];
  readonly ramRoleName?: string;
  readonly resourceGroupId: string;
  readonly templateSource: RosTemplateSource;
  readonly parallelism?: number;
  executeToken?: string;
}

/** The resource group a stack joins when CreateChangeSet names none (the account's default group). */
export const defaultResourceGroupId = 'rg-acfmemulatordefault';

/** ROS's time format (UTC, seconds). */
export const rosTime = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, '');
