import type { RosActionContext, RosAnswer } from './ros-action-context.js';
import { RosError } from './ros-error.js';
import type { RosRequestParameters } from './ros-request-parameters.js';
import { stackBody } from './ros-responses.js';

/** A string enum parameter: its value, `fallback` when absent, InvalidParameter naming it when not one of `values`. */
function option<Value extends string>(
  params: RosRequestParameters,
  name: string,
  values: readonly Value[],
  fallback: Value,
): Value {
  const value = params.get(name) ?? fallback;
  if (!(values as readonly string[]).includes(value)) throw RosError.invalid(name, `one of ${values.join(', ')}`);
  return value as Value;
}

/** GetStack (ShowResourceProgress, OutputOption and LogOption shape the answer) */
export function getStack({ state, params }: RosActionContext): RosAnswer {
  return stackBody(state.getStack(params.get('RegionId'), params.get('StackId')), {
    resourceProgress: option(
      params,
      'ShowResourceProgress',
      ['Disabled', 'PercentageOnly', 'EnabledIfCreateStack'],
      'Disabled',
    ),
    showOutputs: option(params, 'OutputOption', ['Enabled', 'Disabled'], 'Enabled') === 'Enabled',
    showLogs: option(params, 'LogOption', ['None', 'Stack', 'Resource', 'All'], 'Stack') !== 'None',
  });
}
