import type { HostStore } from '../host/host-store.js';
import type { PlanRunner } from '../plan-runner.js';
import type { ServerLimits } from './server-limits.js';

/** What the routes are given: the store, the runner that checks plans, and the limits. */
export interface HostDeps {
  readonly store: HostStore;
  readonly runner: PlanRunner;
  readonly limits: ServerLimits;
}
