import { rosService } from '../_internals/ros/ros-service.js';
import { RosState } from '../_internals/ros/ros-state.js';
import { startServicePipeline } from '../_internals/shared/service-pipeline.js';
import { defaultRosCredentials, type RosEmulatorOptions } from './ros-emulator-options.js';
import type { RunningRosEmulator } from './running-ros-emulator.js';

/**
 * A local Alibaba Cloud ROS (2019-09-10) that the official `@alicloud/ros20190910` client talks to unchanged:
 * ACS3-HMAC-SHA256 verified, the change-set actions with the CreateChangeSet/ExecuteChangeSet rules and
 * state machine, ClientToken idempotency, throttling and injectable faults. One handler per action
 * (`ros-routes.ts`) behind the shared request pipeline.
 */
export async function startRosEmulator(options: RosEmulatorOptions = {}): Promise<RunningRosEmulator> {
  const accepted = options.credentials?.length ? options.credentials : [defaultRosCredentials];
  const first = accepted[0]!;
  const state = new RosState({
    timing: { createMs: options.timing?.createMs ?? 50, executeMs: options.timing?.executeMs ?? 100 },
    changeSetsPerStack: options.limits?.changeSetsPerStack ?? 20,
    stacksPerAccount: options.limits?.stacksPerAccount ?? 200,
    templates: options.templates ?? {},
  });
  const service = rosService({ state, accepted, requestsPerSecond: options.limits?.requestsPerSecond });
  const emulator = await startServicePipeline(service, { ...options, onClose: () => state.close() });
  return {
    ...emulator,
    regionId: 'cn-hangzhou',
    credentials: { accessKeyId: first.accessKeyId, accessKeySecret: first.accessKeySecret },
    changeSets: () =>
      state.allChangeSets().map((changeSet) => ({
        changeSetId: changeSet.id,
        changeSetName: changeSet.name,
        stackId: changeSet.stackId,
        status: changeSet.status,
        executionStatus: changeSet.executionStatus,
      })),
    stacks: () =>
      state.allStacks().map((stack) => ({ stackId: stack.id, stackName: stack.name, status: stack.status })),
  };
}
