export {
  type CliPlanRunnerOptions,
  createCliPlanRunner,
  type HostedRunStore,
} from './_internals/host/cli-plan-runner.js';
export { ExitCode } from './exit-codes.js';
export { type MainOptions, main } from './main.js';
export { loadPlanFile, loadPlanText } from './plan-file/load-plan-file.js';
export { formatPlanFileIssue, type PlanFileIssue } from './plan-file/plan-file-issue.js';
export { type PlanFile, planFileSchemaFor } from './plan-file/plan-file-schema.js';
export { builtinDescriptors } from './providers/builtin-descriptors.js';
export { type LoadedProvider, loadProviders } from './providers/loaded-provider.js';
