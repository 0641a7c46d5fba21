import type { RunningServiceEmulator } from '../shared/running-service-emulator.js';
import type { RosEmulatorControl } from './ros-emulator-control.js';

/** What tests see of one change set. */
export interface RosChangeSetInspection {
  readonly changeSetId: string;
  readonly changeSetName: string;
  readonly stackId: string;
  readonly status: string;
  readonly executionStatus: string;
}

/** What tests see of one stack. */
export interface RosStackInspection {
  readonly stackId: string;
  readonly stackName: string;
  readonly status: string;
  readonly regionId: string;
}

export interface RunningRosEmulator extends RunningServiceEmulator {
  /**
   * `http://127.0.0.1:PORT`: what `RosProvider`'s `endpoint` takes. The raw ROS SDK's config takes a host
   * without a scheme: give it `endpoint: new URL(endpoint).host` and `protocol: 'http'`.
   */
  readonly endpoint: string;
  readonly regionId: string;
  /** The first accepted key pair (emulator-only test credentials). */
  readonly credentials: { readonly accessKeyId: string; readonly accessKeySecret: string };
  /** Scripted failures, faults, reset and state: also over HTTP under `/_emulator/`. */
  readonly control: RosEmulatorControl;
  /** Every change set of every region, deleted ones included, in creation order. */
  changeSets(): readonly RosChangeSetInspection[];
  /** Stacks of every region, deleted ones included, for tests to inspect. */
  stacks(): readonly RosStackInspection[];
}
