import type { FaultRule } from './fault-injector.js';

/**
 * What a user's test drives a running emulator with, the same for every service: as methods on the running
 * emulator, and as unsigned JSON on its own port under `/_emulator/` (`POST /_emulator/failures` = failNext,
 * `POST /_emulator/faults` = addFault, `POST /_emulator/reset`, `GET /_emulator/state`).
 */
export interface EmulatorControl<FailureRule, State> {
  /** Makes the next change set(s) the rule names fail as the service reports a failure. */
  failNext(rule: FailureRule): void;
  /** Adds a latency, throttle, 5xx or drop rule (the same as `faults.add`). */
  addFault(rule: FaultRule): void;
  /** Back to the state the emulator started in (its seed): no change sets, scripted failures or faults. */
  reset(): void;
  /** What the emulator holds now. */
  state(): State;
}
