import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { err, ok, type Result } from 'neverthrow';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkJsonDepth, checkYamlStructure } from '../_internals/plan-file/check-plan-structure.js';
import { formatFieldPath } from '../_internals/plan-file/format-field-path.js';
import { planFileLimits } from '../_internals/plan-file/plan-file-limits.js';
import { rosShortFormTags } from '../_internals/plan-file/ros-short-form-tags.js';
import { unknownTagProblem } from '../_internals/plan-file/unknown-tag-problem.js';
import type { PlanFileIssue } from './plan-file-issue.js';
import type { PlanFile } from './plan-file-schema.js';

/** Reads the file's data: JSON by extension, YAML otherwise (JSON is YAML too). */
async function readPlanData(file: string): Promise<Result<unknown, PlanFileIssue[]>> {
  let text: string;
  try {
    const size = (await stat(file)).size;
    if (size > planFileLimits.maxBytes) {
      return err([
        {
          file,
          path: '',
          message: `the plan file has ${size} bytes; at most ${planFileLimits.maxBytes} are read`,
          rule: 'max_bytes',
        },
      ]);
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return err([{ file, path: '', message: `cannot read the plan file: ${reason}` }]);
  }
  return parsePlanText(text, extname(file).toLowerCase() === '.json' ? 'json' : 'yaml', file);
}

/**
 * Parses a plan's text within the loader's limits: JSON, or YAML with the ROS short-form tags; duplicate keys,
 * unknown tags and runaway nesting are refused by path. `file` names where the text came from in the issues.
 */
function parsePlanText(text: string, format: 'json' | 'yaml', file: string): Result<unknown, PlanFileIssue[]> {
  const fail = (message: string, rule?: string, path = '') => err([{ file, path, message, ...(rule ? { rule } : {}) }]);
  const bytes = Buffer.byteLength(text);
  if (bytes > planFileLimits.maxBytes) {
    return fail(`the plan has ${bytes} bytes; at most ${planFileLimits.maxBytes} are read`, 'max_bytes');
  }
  try {
    if (format === 'json') {
      const data: unknown = JSON.parse(text);
      const problem = checkJsonDepth(data);
      return problem ? fail(problem.message, problem.rule, problem.path) : ok(data);
    }
    // Unique keys are checked below in one pass: the parser's own check compares every pair of keys.
    const document = parseDocument(text, { uniqueKeys: false, customTags: rosShortFormTags() });
    const [first] = document.errors;
    if (first) return fail(`not valid YAML: ${first.message}`);
    const unknownTag = unknownTagProblem(document, text);
    if (unknownTag) return fail(unknownTag.message, 'unknown_tag', unknownTag.path);
    const problem = checkYamlStructure(document.contents);
    if (problem) return fail(problem.message, problem.rule, problem.path);
    return ok(document.toJS({ maxAliasCount: planFileLimits.maxAliases }));
  } catch (error) {
    if (error instanceof RangeError)
      return fail(`nested more than ${planFileLimits.maxDepth} levels deep`, 'max_depth');
    return fail(`not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
}

/** Reads and checks a plan file against the plan schema of the loaded providers. */
export async function loadPlanFile(
  file: string,
  schema: z.ZodType<PlanFile>,
): Promise<Result<PlanFile, PlanFileIssue[]>> {
  return (await readPlanData(file)).andThen((data) => checkPlanData(data, schema, file));
}

/** Checks a plan's text (a submitted one) as `loadPlanFile` checks a file; `source` names it in the issues. */
export function loadPlanText(
  text: string,
  format: 'json' | 'yaml',
  schema: z.ZodType<PlanFile>,
  source: string,
): Result<PlanFile, PlanFileIssue[]> {
  return parsePlanText(text, format, source).andThen((data) => checkPlanData(data, schema, source));
}

function checkPlanData(data: unknown, schema: z.ZodType<PlanFile>, file: string): Result<PlanFile, PlanFileIssue[]> {
  const parsed = schema.safeParse(data);
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
