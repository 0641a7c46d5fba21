import { z } from 'zod';
import type { RosEmulatorControl, RosEmulatorState, RosFailureRule } from '../../ros/ros-emulator-control.js';
import type { FaultInjector } from '../../shared/fault-injector.js';
import type { SeedIssue } from '../../shared/seed-issue.js';
import { checkSeed } from '../shared/check-seed.js';
import type { ControlEndpoints } from '../shared/control-routes.js';
import type { RosState } from './ros-state.js';

const failureRuleSchema = z.strictObject({
  stackName: z.string().min(1).max(255),
  regionId: z.string().min(1).optional(),
  phase: z.enum(['create', 'execute']),
  code: z.string().min(1).max(255).optional(),
  reason: z.string().min(1).max(4096),
  times: z.number().int().min(1).optional(),
});

/** What `GET /_emulator/state` shows: every region's stacks and change sets, pending failures and faults. */
function inspect(state: RosState, faults: FaultInjector): RosEmulatorState {
  return {
    stacks: state.allStacks().map((stack) => ({
      stackId: stack.id,
      stackName: stack.name,
      status: stack.status,
      regionId: stack.regionId,
    })),
    changeSets: state.allChangeSets().map((changeSet) => ({
      changeSetId: changeSet.id,
      changeSetName: changeSet.name,
      stackId: changeSet.stackId,
      status: changeSet.status,
      executionStatus: changeSet.executionStatus,
    })),
    failures: state.failures.pending(),
    faults: faults.rules(),
  };
}

/** The ROS emulator's control: the running emulator's `control` methods and the HTTP routes behind them. */
export function rosControl(
  state: RosState,
  faults: FaultInjector,
): ControlEndpoints & { readonly control: RosEmulatorControl } {
  /** Checks a rule and scripts it: every issue, or none once scripted. */
  const script = (rule: unknown): readonly SeedIssue[] => {
    const checked = checkSeed(failureRuleSchema, rule);
    if (checked.ok) state.failures.add(checked.seed as RosFailureRule);
    return checked.ok ? [] : checked.issues;
  };
  const control: RosEmulatorControl = {
    failNext: (rule) => {
      const issues = script(rule);
      if (issues.length > 0) {
        const text = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
        throw new RangeError(`invalid failure rule: ${text}`);
      }
    },
    addFault: (rule) => faults.add(rule),
    reset: () => {
      faults.clear();
      state.reset();
    },
    state: () => inspect(state, faults),
  };
  return { control, failNext: script, addFault: control.addFault, reset: control.reset, state: control.state };
}
