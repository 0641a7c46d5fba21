export type {
  CheckedPlan,
  HeldChangeSet,
  PlanProblem,
  PlanRunner,
  PlanTarget,
  RunnerContext,
  RunnerEvent,
  RunnerOutcome,
} from './plan-runner.js';
