import type { RosFailureRule } from '../../ros/ros-emulator-control.js';
import type { RosExecutionFailure } from './execution-outcome.js';
import type { RosChangeSet } from './ros-records.js';

interface PendingFailure {
  readonly rule: RosFailureRule;
  remaining: number;
}

/** Failures a test scripted (control API), consumed in the order they were added, one per change set or execution. */
export class ScriptedFailures {
  readonly #pending: PendingFailure[] = [];

  add(rule: RosFailureRule): void {
    this.#pending.push({ rule, remaining: rule.times ?? 1 });
  }

  /** The rule that fails this change set or execution, if any; uses it once. */
  take(regionId: string, stackName: string, phase: RosFailureRule['phase']): RosFailureRule | undefined {
    const found = this.#pending.find(
      ({ rule, remaining }) =>
        remaining > 0 &&
        rule.phase === phase &&
        rule.stackName === stackName &&
        (rule.regionId === undefined || rule.regionId === regionId),
    );
    if (!found) return undefined;
    found.remaining -= 1;
    return found.rule;
  }

  /** The rules that can still fire, each with the uses it has left as its `times`. */
  pending(): RosFailureRule[] {
    return this.#pending
      .filter(({ remaining }) => remaining > 0)
      .map(({ rule, remaining }) => ({ ...rule, times: remaining }));
  }

  clear(): void {
    this.#pending.length = 0;
  }
}

/** A scripted execution failure as a resource failure of the change set's template (its first resource). */
export function scriptedFailure(rule: RosFailureRule, changeSet: RosChangeSet): RosExecutionFailure {
  const resources = changeSet.template.Resources;
  const [logicalResourceId, resource] = Object.entries(resources ?? {})[0] ?? [changeSet.name, undefined];
  return {
    reason: rule.reason,
    code: rule.code ?? 'EmulatedFailure',
    logicalResourceId,
    resourceType: String(resource?.Type ?? 'ALIYUN::ROS::Stack'),
  };
}
