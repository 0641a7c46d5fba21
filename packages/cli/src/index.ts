export { ExitCode } from './exit-codes.js';
export { main } from './main.js';
export { loadPlanFile } from './plan-file/load-plan-file.js';
export { formatPlanFileIssue, type PlanFileIssue } from './plan-file/plan-file-issue.js';
export { type PlanFile, planFileSchema } from './plan-file/plan-file-schema.js';
