import { rosControl } from '../_internals/ros/ros-control.js';
import { rosService } from '../_internals/ros/ros-service.js';
import { RosState } from '../_internals/ros/ros-state.js';
import { startServicePipeline } from '../_internals/shared/service-pipeline.js';
import { InvalidSeedError } from '../shared/seed-issue.js';
import type { RosEmulatorControl } from './ros-emulator-control.js';
import { defaultRosCredentials, type RosEmulatorOptions } from './ros-emulator-options.js';
import { checkRosSeed } from './ros-seed.js';
import type { RunningRosEmulator } from './running-ros-emulator.js';

/**
 * A local Alibaba Cloud ROS (2019-09-10) that the official `@alicloud/ros20190910` client talks to unchanged:
 * ACS3-HMAC-SHA256 verified, the change-set actions with the CreateChangeSet/ExecuteChangeSet/DeleteChangeSet
 * rules and the lifecycle after them (rollbacks, regions, limits), ClientToken idempotency, throttling,
 * injectable faults, a seed and the control API under `/_emulator/`. One handler per action (`ros-routes.ts`)
 * behind the shared request pipeline. Rejects with InvalidSeedError for a wrong `seed`.
 */
export async function startRosEmulator(options: RosEmulatorOptions = {}): Promise<RunningRosEmulator> {
  const accepted = options.credentials?.length ? options.credentials : [defaultRosCredentials];
  const first = accepted[0]!;
  const seed = checkRosSeed(options.seed);
  if (!seed.ok) throw new InvalidSeedError(seed.issues);
  const state = new RosState({
    timing: { createMs: options.timing?.createMs ?? 50, executeMs: options.timing?.executeMs ?? 100 },
    changeSetsPerStack: options.limits?.changeSetsPerStack ?? 20,
    stacksPerAccount: options.limits?.stacksPerAccount ?? 200,
    templates: options.templates ?? {},
    seed: seed.seed.stacks ?? [],
  });
  const service = rosService({ state, accepted, requestsPerSecond: options.limits?.requestsPerSecond });
  let control: RosEmulatorControl | undefined;
  const emulator = await startServicePipeline(service, {
    ...options,
    onClose: () => state.close(),
    control: (faults) => {
      const endpoints = rosControl(state, faults);
      control = endpoints.control;
      return endpoints;
    },
  });
  const running = control as RosEmulatorControl;
  return {
    ...emulator,
    regionId: 'cn-hangzhou',
    credentials: { accessKeyId: first.accessKeyId, accessKeySecret: first.accessKeySecret },
    control: running,
    changeSets: () => running.state().changeSets,
    stacks: () => running.state().stacks,
  };
}
