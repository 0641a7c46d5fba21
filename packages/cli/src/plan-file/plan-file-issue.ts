/** One problem in a plan file: the file, the field, and what is wrong with it. */
export interface PlanFileIssue {
  readonly file: string;
  /** Dotted path of the field (`marketplace.changes[3].entity.identifier`), empty for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly rule?: string;
}

/** `plan.yaml: marketplace.changes[3].entity.identifier: ...` */
export function formatPlanFileIssue(issue: PlanFileIssue): string {
  return `${issue.file}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}${issue.rule ? ` (${issue.rule})` : ''}`;
}
