import type { RosRequestParameters } from './ros-request-parameters.js';
import type { RosState } from './ros-state.js';

/** What an action handler gets: the emulator's stacks and change sets, and the call's parameters (types checked). */
export interface RosActionContext {
  readonly state: RosState;
  readonly params: RosRequestParameters;
}

/** The answer body of an action, without the RequestId the encoder adds. */
export type RosAnswer = Record<string, unknown>;
