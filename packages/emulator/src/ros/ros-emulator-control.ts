import type { EmulatorControl } from '../shared/emulator-control.js';
import type { FaultRule } from '../shared/fault-injector.js';
import type { RosChangeSetInspection, RosStackInspection } from './running-ros-emulator.js';

/** `POST /_emulator/failures` (or `control.failNext`): how the next change set or execution on a stack fails. */
export interface RosFailureRule {
  readonly stackName: string;
  /** Default: any region. */
  readonly regionId?: string;
  /**
   * `create`: the next change set of the stack ends CREATE_FAILED with the reason as StatusReason.
   * `execute`: the next execution fails as a resource failure: `<ACTION>_FAILED`, then the rollback ROS runs.
   */
  readonly phase: 'create' | 'execute';
  /** For `execute`: the Code of GetStack's OperationInfo; default `EmulatedFailure`. */
  readonly code?: string;
  readonly reason: string;
  /** How many change sets or executions it fails; default 1. */
  readonly times?: number;
}

/** `GET /_emulator/state` (or `control.state()`). */
export interface RosEmulatorState {
  readonly stacks: readonly RosStackInspection[];
  readonly changeSets: readonly RosChangeSetInspection[];
  readonly failures: readonly RosFailureRule[];
  readonly faults: readonly FaultRule[];
}

/** The ROS emulator's control API as methods: fail the next change set or execution on a stack, add faults, reset, read state. */
export type RosEmulatorControl = EmulatorControl<RosFailureRule, RosEmulatorState>;
