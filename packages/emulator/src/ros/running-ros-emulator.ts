import type { RunningServiceEmulator } from '../shared/running-service-emulator.js';

/** What tests see of one change set. */
export interface RosChangeSetInspection {
  readonly changeSetId: string;
  readonly changeSetName: string;
  readonly stackId: string;
  readonly status: string;
  readonly executionStatus: string;
}

export interface RunningRosEmulator extends RunningServiceEmulator {
  /**
   * `http://127.0.0.1:PORT`. The ROS SDK's config takes a host without a scheme: give it
   * `endpoint: new URL(endpoint).host` (here `host:port`) and `protocol: 'http'`.
   */
  readonly endpoint: string;
  readonly regionId: string;
  /** The first accepted key pair (emulator-only test credentials). */
  readonly credentials: { readonly accessKeyId: string; readonly accessKeySecret: string };
  /** Every change set, deleted ones included, in creation order. */
  changeSets(): readonly RosChangeSetInspection[];
  /** Stacks, for tests to inspect. */
  stacks(): ReadonlyArray<{ readonly stackId: string; readonly stackName: string; readonly status: string }>;
}
