import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { err, ok, type Result } from 'neverthrow';
import { parse as parseYaml } from 'yaml';
import { formatFieldPath } from './format-field-path.js';
import type { PlanFileIssue } from './plan-file-issue.js';
import { type PlanFile, planFileSchema } from './plan-file-schema.js';

/** Reads and checks a plan file (YAML or JSON, by extension; YAML otherwise since JSON is YAML). */
export async function loadPlanFile(file: string): Promise<Result<PlanFile, PlanFileIssue[]>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return err([{ file, path: '', message: `cannot read the plan file: ${reason}` }]);
  }
  let data: unknown;
  try {
    data = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return err([
      {
        file,
        path: '',
        message: `not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
      },
    ]);
  }
  const parsed = planFileSchema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  return err(
    parsed.error.issues.map((issue) => ({
      file,
      path: formatFieldPath(issue.path),
      message: issue.message,
      rule: issue.code,
    })),
  );
}
